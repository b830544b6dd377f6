-- Several nodes on one database. Each node's notifier claims fresh outbox rows (retry_at NULL) in
-- id order with FOR UPDATE SKIP LOCKED, setting retry_at to the end of its lease: a claimed row is
-- a retry due when the lease ends, so the rows of a node that died are claimed again by another.
-- This index finds the fresh rows without walking the claimed ones ahead of them.
CREATE INDEX outbox_fresh ON outbox (id) WHERE retry_at IS NULL;
