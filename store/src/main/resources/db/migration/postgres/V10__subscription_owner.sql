-- Who created each subscription (issue 13): owner_party groups what one account owns (lists of "my
-- subscriptions" filter on it), owner_principal is the key or session the app resolves before each
-- notification to learn what the owner may see now. NULL for subscriptions made before accounts.
ALTER TABLE subscription ADD COLUMN owner_party TEXT;
ALTER TABLE subscription ADD COLUMN owner_principal TEXT;
CREATE INDEX subscription_by_owner ON subscription (tenant, owner_party);
