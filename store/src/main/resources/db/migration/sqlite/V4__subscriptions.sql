-- Subscriptions per tenant: the definition as a JSON document (names expanded, its @context kept
-- to compact notifications with) and the delivery counters the notifier maintains.
CREATE TABLE subscription (
  pk                INTEGER PRIMARY KEY,
  tenant            TEXT NOT NULL,
  id                TEXT NOT NULL,
  doc               TEXT NOT NULL,
  times_sent        INTEGER NOT NULL DEFAULT 0,
  times_failed      INTEGER NOT NULL DEFAULT 0,
  last_notification TEXT,
  last_success      TEXT,
  last_failure      TEXT,
  UNIQUE (tenant, id)
);

-- The notification outbox: one row per subscription an entity change notifies, written in the
-- change's transaction. Rows are deleted once delivered. Times are epoch milliseconds. Fresh rows
-- (retry_at NULL) are read by id order without any write; AUTOINCREMENT keeps ids from being
-- reused, so the notifier's id cursor never skips a row. A failed or throttled row gets retry_at.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant          TEXT NOT NULL,
  subscription_id TEXT NOT NULL,
  entity_id       TEXT NOT NULL,
  trigger         TEXT NOT NULL,
  before_doc      TEXT,           -- the entity before (deletions and showChanges only)
  after_doc       TEXT,           -- the entity after (absent for a deletion)
  changed_at      INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  retry_at        INTEGER,
  last_error      TEXT
);
CREATE INDEX outbox_retry ON outbox (retry_at) WHERE retry_at IS NOT NULL;
CREATE INDEX outbox_by_subscription ON outbox (tenant, subscription_id);
