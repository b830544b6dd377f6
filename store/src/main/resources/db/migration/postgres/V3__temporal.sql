-- Temporal evolution of entities (clause 4.5.7 ff.): one row per attribute instance, as in the
-- SQLite V3. Not partitioned yet: monthly partitions and retention by dropping them come later.

CREATE TABLE temporal_entity (
  pk     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant TEXT NOT NULL,
  id     TEXT NOT NULL,
  UNIQUE (tenant, id)
);

CREATE TABLE temporal_type (
  tenant    TEXT NOT NULL,
  entity_pk BIGINT NOT NULL REFERENCES temporal_entity (pk) ON DELETE CASCADE,
  type      TEXT NOT NULL,
  PRIMARY KEY (entity_pk, type)
);
CREATE INDEX temporal_type_by_type ON temporal_type (tenant, type, entity_pk);

-- Times are epoch milliseconds (UTC) for cheap ranges and bucketing. number is the value when it
-- is a JSON number (for aggregation); value is the JSON text of the value; doc the whole instance
-- in the store's normalized form with expanded names. A sequence never hands out a key twice, so
-- pk serves as the instanceId.
CREATE TABLE temporal_instance (
  pk          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_pk   BIGINT NOT NULL REFERENCES temporal_entity (pk) ON DELETE CASCADE,
  attribute   TEXT NOT NULL,
  dataset_id  TEXT,
  kind        TEXT NOT NULL,
  value       TEXT NOT NULL,
  number      DOUBLE PRECISION,
  doc         TEXT NOT NULL,
  observed_at BIGINT,
  created_at  BIGINT NOT NULL,
  modified_at BIGINT NOT NULL
);
-- Covers aggregation over observedAt (number and kind included): index-only scans per bucket.
CREATE INDEX temporal_instance_observed
  ON temporal_instance (entity_pk, attribute, observed_at) INCLUDE (number, kind);
CREATE INDEX temporal_instance_modified ON temporal_instance (entity_pk, attribute, modified_at);
