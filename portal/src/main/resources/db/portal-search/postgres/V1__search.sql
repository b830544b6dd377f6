-- The portal's search index: one row per document and tenant, replaced whole per tenant in one
-- transaction. Two ways to match, both indexed with GIN:
--  * tsv: full-text search with stemming, German for the German texts, English for the English
--    ones ("Parkhäuser" finds "Parkhaus"), titles weighted A, texts B;
--  * fold: the folded texts (lower case, umlauts and ß written out; see Folding) for pg_trgm,
--    which finds parts of compound words ("beleuchtung" in "strassenbeleuchtung") and near
--    spellings.
-- pg_trgm is a trusted extension: the database owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE portal_search_document (
  id         BIGSERIAL PRIMARY KEY,
  tenant     TEXT NOT NULL,
  kind       TEXT NOT NULL,
  ref        TEXT NOT NULL,
  url        TEXT NOT NULL,
  title_de   TEXT NOT NULL,
  title_en   TEXT NOT NULL,
  text_de    TEXT NOT NULL,
  text_en    TEXT NOT NULL,
  title_fold TEXT NOT NULL,
  text_fold  TEXT NOT NULL,
  fold       TEXT GENERATED ALWAYS AS (title_fold || ' ' || text_fold) STORED,
  tsv        TSVECTOR GENERATED ALWAYS AS (
               setweight(to_tsvector('german', title_de), 'A')
               || setweight(to_tsvector('english', title_en), 'A')
               || setweight(to_tsvector('german', text_de), 'B')
               || setweight(to_tsvector('english', text_en), 'B')) STORED,
  UNIQUE (tenant, kind, ref)
);

CREATE INDEX portal_search_document_tsv ON portal_search_document USING gin (tsv);
CREATE INDEX portal_search_document_fold ON portal_search_document USING gin (fold gin_trgm_ops);
