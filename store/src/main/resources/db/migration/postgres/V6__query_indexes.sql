-- A GIN index over every path-to-value of the entity documents: it answers JSONB containment, which
-- the PostgreSQL dialect adds as an index-friendly prefilter to the equality terms of q
-- (attr==value, attr.sub==value, attr[key]==value, a relationship's object), e.g.
--   doc @> '{"https://example.org/name": [{"value": "x"}]}'
-- jsonb_path_ops rather than the default jsonb_ops: it serves only containment, with one hashed
-- entry per path to a value, so it is smaller and more selective for these lookups.
CREATE INDEX entity_doc_paths ON entity USING gin (doc jsonb_path_ops);
