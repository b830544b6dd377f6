-- A key's own rate limit in requests per minute (a data product's promise), on top of its
-- owner's tier; 0: none, the tier's limit alone.
ALTER TABLE access_api_keys ADD COLUMN rate_per_minute INTEGER NOT NULL DEFAULT 0;
