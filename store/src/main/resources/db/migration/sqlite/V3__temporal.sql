-- Temporal evolution of entities (clause 4.5.7 ff.): one row per attribute instance. Entities of
-- the temporal representation are kept apart from current-state entities: history survives the
-- deletion of an entity and can be written directly (POST /temporal/entities).

CREATE TABLE temporal_entity (
  pk     INTEGER PRIMARY KEY,
  tenant TEXT NOT NULL,
  id     TEXT NOT NULL,
  UNIQUE (tenant, id)
);

CREATE TABLE temporal_type (
  tenant    TEXT NOT NULL,
  entity_pk INTEGER NOT NULL REFERENCES temporal_entity (pk) ON DELETE CASCADE,
  type      TEXT NOT NULL,
  PRIMARY KEY (entity_pk, type)
) WITHOUT ROWID;
CREATE INDEX temporal_type_by_type ON temporal_type (tenant, type, entity_pk);

-- Times are epoch milliseconds (UTC) for cheap ranges and bucketing. number is the value when it
-- is a JSON number (for aggregation); value is the JSON text of the value; doc the whole instance
-- in the store's normalized form with expanded names.
CREATE TABLE temporal_instance (
  pk          INTEGER PRIMARY KEY AUTOINCREMENT, -- rendered as the instanceId, never reused
  entity_pk   INTEGER NOT NULL REFERENCES temporal_entity (pk) ON DELETE CASCADE,
  attribute   TEXT NOT NULL,
  dataset_id  TEXT,
  kind        TEXT NOT NULL,
  value       TEXT NOT NULL,
  number      REAL,
  doc         TEXT NOT NULL,
  observed_at INTEGER,
  created_at  INTEGER NOT NULL,
  modified_at INTEGER NOT NULL
);
-- Covers aggregation over observedAt (number and kind included): no table look-ups per instance.
CREATE INDEX temporal_instance_observed
  ON temporal_instance (entity_pk, attribute, observed_at, number, kind);
CREATE INDEX temporal_instance_modified ON temporal_instance (entity_pk, attribute, modified_at);
