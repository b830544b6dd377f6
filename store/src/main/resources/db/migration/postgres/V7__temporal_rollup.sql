-- Partial aggregates of temporal_instance on observedAt per hour and per day (UTC), so that
-- aggregation over whole hours or days reads one row per hour or day instead of every instance.
-- One row per (entity, attribute, span, span_start) that has at least one instance with
-- observedAt in [span_start, span_start + span); span is 3600000 (hour) or 86400000 (day)
-- milliseconds, span_start an epoch millisecond (floored to the span). The writes that add
-- instances update it in the same transaction; those that change or remove instances recompute
-- the affected spans from temporal_instance, so that number_min and number_max stay exact. kind
-- is the least kind name of the span's instances; number_* cover the instances whose value is a
-- number (numbers of them), first_at and last_at the least and greatest observedAt.
CREATE TABLE temporal_rollup (
  entity_pk    BIGINT NOT NULL REFERENCES temporal_entity (pk) ON DELETE CASCADE,
  attribute    TEXT NOT NULL,
  span         BIGINT NOT NULL,
  span_start   BIGINT NOT NULL,
  kind         TEXT NOT NULL,
  instances    BIGINT NOT NULL,
  numbers      BIGINT NOT NULL,
  number_sum   DOUBLE PRECISION NOT NULL,
  number_min   DOUBLE PRECISION,
  number_max   DOUBLE PRECISION,
  number_sumsq DOUBLE PRECISION NOT NULL,
  first_at     BIGINT NOT NULL,
  last_at      BIGINT NOT NULL,
  PRIMARY KEY (entity_pk, attribute, span, span_start)
);

INSERT INTO temporal_rollup
SELECT i.entity_pk, i.attribute, s.span, i.observed_at - ((i.observed_at % s.span) + s.span) % s.span AS start_at,
       min(i.kind), count(*), count(i.number), coalesce(sum(i.number), 0), min(i.number), max(i.number),
       coalesce(sum(i.number * i.number), 0), min(i.observed_at), max(i.observed_at)
FROM temporal_instance i CROSS JOIN (SELECT 3600000 AS span UNION ALL SELECT 86400000) s
WHERE i.observed_at IS NOT NULL
GROUP BY i.entity_pk, i.attribute, s.span, start_at;
