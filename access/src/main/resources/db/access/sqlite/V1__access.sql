-- Accounts, roles, one-time tokens, API keys and the audit log. Times are epoch milliseconds (UTC).

CREATE TABLE access_accounts (
  id                TEXT PRIMARY KEY,
  email             TEXT NOT NULL UNIQUE,      -- trimmed and lower-cased
  display_name      TEXT NOT NULL,
  password_hash     TEXT,                      -- Argon2id in PHC form; NULL for OIDC-only accounts
  email_verified_at INTEGER,
  created_at        INTEGER NOT NULL,
  failed_logins     INTEGER NOT NULL DEFAULT 0,
  locked_until      INTEGER
);

CREATE TABLE access_roles (
  account_id   TEXT NOT NULL REFERENCES access_accounts (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,                  -- platform | operator | member
  tenant       TEXT NOT NULL DEFAULT '',
  partner      TEXT NOT NULL DEFAULT '',
  partner_role TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (account_id, kind, tenant, partner)
);

CREATE TABLE access_tokens (
  token_hash TEXT PRIMARY KEY,                 -- SHA-256 of the token, hex
  account_id TEXT NOT NULL REFERENCES access_accounts (id) ON DELETE CASCADE,
  purpose    TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX access_tokens_account ON access_tokens (account_id, purpose);

CREATE TABLE access_api_keys (
  id           TEXT PRIMARY KEY,
  secret_hash  TEXT NOT NULL,                  -- SHA-256 of the secret, hex
  account_id   TEXT NOT NULL REFERENCES access_accounts (id) ON DELETE CASCADE,
  partner      TEXT,
  name         TEXT NOT NULL,
  tenants      TEXT NOT NULL,                  -- each ends with a newline; empty: every tenant
  operations   TEXT NOT NULL,                  -- each ends with a newline
  entity_types TEXT NOT NULL,                  -- each ends with a newline; empty: every type
  created_at   INTEGER NOT NULL,
  revoked_at   INTEGER,
  last_used_at INTEGER
);
CREATE INDEX access_api_keys_account ON access_api_keys (account_id);

CREATE TABLE access_audit (
  id     INTEGER PRIMARY KEY AUTOINCREMENT,
  at     INTEGER NOT NULL,
  tenant TEXT NOT NULL,
  actor  TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX access_audit_tenant_at ON access_audit (tenant, at);
CREATE INDEX access_audit_at ON access_audit (at);
