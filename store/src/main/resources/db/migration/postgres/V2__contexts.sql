-- JSON-LD contexts hosted or cached by the broker. Contexts are global (the ContextStore port has
-- no tenant), so this is the one table without a tenant column.
CREATE TABLE context (
  id         TEXT PRIMARY KEY,
  url        TEXT NOT NULL,
  kind       TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
