-- Keys of writes that must happen at most once, kept across restarts and shared by the nodes: a
-- device's uplink, which network servers and MQTT may deliver again (JdbcEntityStore.writeOnce).
-- The key is committed in the same transaction as the write it guards.
CREATE TABLE write_key (
  tenant TEXT NOT NULL,
  once_key TEXT NOT NULL,
  written_at BIGINT NOT NULL, -- epoch milliseconds
  PRIMARY KEY (tenant, once_key)
);
CREATE INDEX write_key_written_at ON write_key (written_at);

-- One row that the writer rewrites to prove that commits work again after the database failed.
CREATE TABLE write_probe (
  id INTEGER PRIMARY KEY,
  probed_at BIGINT NOT NULL -- epoch milliseconds
);
