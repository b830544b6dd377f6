-- OIDC identities linked to accounts: a person signed in at an OpenID provider (issuer) under a
-- subject that provider never reassigns. Times are epoch milliseconds (UTC).

CREATE TABLE access_identities (
  issuer     TEXT NOT NULL,                    -- the token's iss, exactly as the provider writes it
  subject    TEXT NOT NULL,                    -- the token's sub
  account_id TEXT NOT NULL REFERENCES access_accounts (id) ON DELETE CASCADE,
  linked_at  INTEGER NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX access_identities_account ON access_identities (account_id);
