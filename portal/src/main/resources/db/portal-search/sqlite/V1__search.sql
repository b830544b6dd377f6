-- The portal's search index: one row per document and tenant, replaced whole per tenant in one
-- transaction. Searched through an FTS5 table with the trigram tokenizer over the folded texts
-- (lower case, umlauts and ß written out; see Folding), so that any part of a compound word of
-- three or more letters matches ("beleuchtung" in "strassenbeleuchtung").
CREATE TABLE portal_search_document (
  id         INTEGER PRIMARY KEY,
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
  UNIQUE (tenant, kind, ref)
);

CREATE VIRTUAL TABLE portal_search_fts USING fts5(
  title_fold, text_fold,
  content = 'portal_search_document', content_rowid = 'id',
  tokenize = 'trigram');

-- Keeps the FTS table in step with the documents (rows are only inserted and deleted).
CREATE TRIGGER portal_search_document_added AFTER INSERT ON portal_search_document BEGIN
  INSERT INTO portal_search_fts (rowid, title_fold, text_fold)
  VALUES (new.id, new.title_fold, new.text_fold);
END;

CREATE TRIGGER portal_search_document_removed AFTER DELETE ON portal_search_document BEGIN
  INSERT INTO portal_search_fts (portal_search_fts, rowid, title_fold, text_fold)
  VALUES ('delete', old.id, old.title_fold, old.text_fold);
END;
