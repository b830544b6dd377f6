-- Subscriptions per tenant and the notification outbox, as in the SQLite V4.
CREATE TABLE subscription (
  pk                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant            TEXT NOT NULL,
  id                TEXT NOT NULL,
  doc               TEXT NOT NULL,
  times_sent        BIGINT NOT NULL DEFAULT 0,
  times_failed      BIGINT NOT NULL DEFAULT 0,
  last_notification TEXT,
  last_success      TEXT,
  last_failure      TEXT,
  UNIQUE (tenant, id)
);

-- The notification outbox: one row per subscription an entity change notifies, written in the
-- change's transaction, deleted once delivered. Times are epoch milliseconds. Ids come from a
-- sequence: with one writer they commit in id order, so the notifier's id cursor skips no row.
-- Several writers on one database can commit ids out of order: claiming rows there needs
-- SELECT ... FOR UPDATE SKIP LOCKED instead of a cursor.
CREATE TABLE outbox (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant          TEXT NOT NULL,
  subscription_id TEXT NOT NULL,
  entity_id       TEXT NOT NULL,
  trigger         TEXT NOT NULL,
  before_doc      TEXT,
  after_doc       TEXT,
  changed_at      BIGINT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  retry_at        BIGINT,
  last_error      TEXT
);
CREATE INDEX outbox_retry ON outbox (retry_at) WHERE retry_at IS NOT NULL;
CREATE INDEX outbox_by_subscription ON outbox (tenant, subscription_id);
