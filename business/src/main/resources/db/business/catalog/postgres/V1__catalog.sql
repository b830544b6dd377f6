-- The service catalog. Sets of codes (target groups, seasons, ...) are kept as ",A,B," so a filter
-- is one LIKE '%,A,%'; places and live bindings as lines. Two ways to match words, both GIN
-- indexed: tsv, full-text search with the German stemmer over the German texts and the English
-- one over the English texts; fold, the folded name and description (lower case, umlauts written
-- out) for pg_trgm, which finds parts of compound words ("rad" in "fahrradverleih").
-- pg_trgm is a trusted extension: the database owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE business_catalog_service (
  row_id           BIGSERIAL PRIMARY KEY,
  tenant           TEXT NOT NULL,
  id               TEXT NOT NULL,
  provider         TEXT NOT NULL,
  name_de          TEXT NOT NULL,
  name_en          TEXT,
  name_easy        TEXT,
  description_de   TEXT NOT NULL,
  description_en   TEXT,
  description_easy TEXT,
  category         TEXT NOT NULL,
  target_groups    TEXT NOT NULL,
  life_situations  TEXT NOT NULL,
  seasons          TEXT NOT NULL,
  channels         TEXT NOT NULL,
  leika_key        TEXT,
  online_service   TEXT,
  places           TEXT NOT NULL,
  bindings         TEXT NOT NULL,
  stage            TEXT NOT NULL,
  published        INTEGER NOT NULL,
  name_fold        TEXT NOT NULL,
  fold             TEXT NOT NULL,
  updated_at       BIGINT NOT NULL,
  tsv              TSVECTOR GENERATED ALWAYS AS (
                     setweight(to_tsvector('german', name_de), 'A')
                     || setweight(to_tsvector('english', coalesce(name_en, '')), 'A')
                     || setweight(to_tsvector('german', description_de), 'B')
                     || setweight(to_tsvector('english', coalesce(description_en, '')), 'B'))
                   STORED,
  UNIQUE (tenant, id)
);

CREATE INDEX business_catalog_service_provider ON business_catalog_service (tenant, provider);
-- The catalog's pages and counts: a tenant's services in name order (byte order, as on SQLite),
-- with every filter column, so that filtering, counting and the page's order can read this narrow
-- index rather than the wide rows.
CREATE INDEX business_catalog_service_order ON business_catalog_service
  (tenant, published, name_fold COLLATE "C", id)
  INCLUDE (category, stage, provider, target_groups, seasons, life_situations);
CREATE INDEX business_catalog_service_tsv ON business_catalog_service USING gin (tsv);
-- The operator class is named with the schema the extension lives in, which need not be on the
-- search path (an older install, or another schema of the same database created it).
DO $$
DECLARE
  trgm_schema TEXT := (SELECT n.nspname FROM pg_extension e
                       JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
  EXECUTE format('CREATE INDEX business_catalog_service_fold ON business_catalog_service'
                 ' USING gin (fold %I.gin_trgm_ops)', trgm_schema);
END $$;

-- Every lifecycle step of a service, numbered from 1 per service (1 is the creation).
CREATE TABLE business_catalog_stage_change (
  tenant     TEXT NOT NULL,
  service    TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  from_stage TEXT,
  to_stage   TEXT NOT NULL,
  at         BIGINT NOT NULL,
  decided_by TEXT NOT NULL,
  reason     TEXT NOT NULL,
  PRIMARY KEY (tenant, service, seq)
);

-- A service's business model canvas: one row of figures (money as plain decimal text, EUR) and
-- the text of each written block.
CREATE TABLE business_catalog_canvas (
  tenant          TEXT NOT NULL,
  service         TEXT NOT NULL,
  one_off_costs   TEXT NOT NULL,
  monthly_costs   TEXT NOT NULL,
  users_per_month BIGINT NOT NULL,
  price_per_user  TEXT NOT NULL,
  updated_at      BIGINT NOT NULL,
  PRIMARY KEY (tenant, service)
);

CREATE TABLE business_catalog_canvas_block (
  tenant  TEXT NOT NULL,
  service TEXT NOT NULL,
  block   TEXT NOT NULL,
  text    TEXT NOT NULL,
  PRIMARY KEY (tenant, service, block)
);
