-- temporal_instance in monthly range partitions on coalesce(observed_at, modified_at), the time
-- retention prunes by (instances without observedAt fall back to their modifiedAt). Retention
-- drops whole months instead of deleting rows. Rows of months without a partition land in the
-- DEFAULT partition; TemporalPartitions moves them into their month's partition (created ahead of
-- need and on maintenance). Unique constraints would have to include the partition key, so pk is
-- only indexed: the identity sequence never hands out a key twice.

ALTER TABLE temporal_instance RENAME TO temporal_instance_v3;
ALTER INDEX temporal_instance_observed RENAME TO temporal_instance_v3_observed;
ALTER INDEX temporal_instance_modified RENAME TO temporal_instance_v3_modified;

CREATE TABLE temporal_instance (
  pk          BIGINT GENERATED ALWAYS AS IDENTITY,
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
) PARTITION BY RANGE (coalesce(observed_at, modified_at));
CREATE TABLE temporal_instance_default PARTITION OF temporal_instance DEFAULT;

CREATE INDEX temporal_instance_pk ON temporal_instance (pk);
CREATE INDEX temporal_instance_observed
  ON temporal_instance (entity_pk, attribute, observed_at) INCLUDE (number, kind);
CREATE INDEX temporal_instance_modified ON temporal_instance (entity_pk, attribute, modified_at);

INSERT INTO temporal_instance OVERRIDING SYSTEM VALUE SELECT * FROM temporal_instance_v3;
SELECT setval(pg_get_serial_sequence('temporal_instance', 'pk'),
              coalesce((SELECT max(pk) FROM temporal_instance_v3), 0) + 1, false);
DROP TABLE temporal_instance_v3;
