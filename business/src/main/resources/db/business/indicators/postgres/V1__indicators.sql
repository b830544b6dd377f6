-- The indicator catalogue of each tenant (seeded from the defaults on first use, then edited by
-- operators) and the values, append-only: a value is never changed, a new one follows it. Times
-- are epoch milliseconds; numbers are plain decimal text.
CREATE TABLE business_indicators_catalogue (
  tenant        TEXT    NOT NULL,
  key           TEXT    NOT NULL,
  position      INTEGER NOT NULL,
  area          TEXT    NOT NULL,
  bitkom        TEXT,
  direction     TEXT    NOT NULL,
  unit          TEXT    NOT NULL,
  worst         TEXT    NOT NULL,
  best          TEXT    NOT NULL,
  metric        TEXT,
  source        TEXT    NOT NULL,
  name_de       TEXT    NOT NULL,
  name_en       TEXT,
  definition_de TEXT    NOT NULL,
  definition_en TEXT,
  updated_at    BIGINT  NOT NULL,
  PRIMARY KEY (tenant, key)
);

CREATE TABLE business_indicators_values (
  id BIGSERIAL PRIMARY KEY,
  tenant      TEXT   NOT NULL,
  key         TEXT   NOT NULL,
  at          BIGINT NOT NULL,
  value       TEXT   NOT NULL,
  evidence    TEXT   NOT NULL,
  -- the API request that computed the value; NULL for a value typed in
  query       TEXT,
  -- who typed it in; NULL for a computed value
  recorded_by TEXT
);
CREATE INDEX business_indicators_values_key ON business_indicators_values (tenant, key, at);
