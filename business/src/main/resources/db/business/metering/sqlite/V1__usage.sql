-- The usage ledger: one row per usage event, keyed by its idempotency key so that a replay is a
-- no-op. Times are epoch milliseconds; period is the month of occurred_at in Europe/Berlin
-- (YYYY-MM), the month billing rates the event in.
CREATE TABLE business_metering_usage (
  tenant          TEXT   NOT NULL,
  idempotency_key TEXT   NOT NULL,
  order_id        TEXT   NOT NULL,
  unit            TEXT   NOT NULL,
  quantity        BIGINT NOT NULL CHECK (quantity > 0),
  occurred_at     BIGINT NOT NULL,
  period          TEXT   NOT NULL,
  recorded_at     BIGINT NOT NULL,
  PRIMARY KEY (tenant, idempotency_key)
);
-- Covers the month close's totals and a quota's running sum without touching the table.
CREATE INDEX business_metering_usage_period
  ON business_metering_usage (tenant, period, order_id, unit, quantity);
