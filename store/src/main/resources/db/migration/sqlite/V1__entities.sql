-- Current state of entities with row-level tenancy. The JSON document is the source of truth;
-- the side tables hold what queries and summaries need indexed and are rewritten with it.

CREATE TABLE tenant (
  name TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE entity (
  pk          INTEGER PRIMARY KEY,
  tenant      TEXT NOT NULL REFERENCES tenant (name),
  id          TEXT NOT NULL,
  doc         BLOB NOT NULL, -- the document in the dialect's binary JSON (SQLite JSONB)
  created_at  TEXT,
  modified_at TEXT,
  UNIQUE (tenant, id)
);
-- (tenant, rowid) order: paging over all entities of a tenant in creation order.
CREATE INDEX entity_by_tenant ON entity (tenant);

CREATE TABLE entity_type (
  tenant    TEXT NOT NULL,
  entity_pk INTEGER NOT NULL REFERENCES entity (pk) ON DELETE CASCADE,
  type      TEXT NOT NULL,
  PRIMARY KEY (entity_pk, type)
) WITHOUT ROWID;
CREATE INDEX entity_type_by_type ON entity_type (tenant, type, entity_pk);

CREATE TABLE entity_scope (
  tenant    TEXT NOT NULL,
  entity_pk INTEGER NOT NULL REFERENCES entity (pk) ON DELETE CASCADE,
  scope     TEXT NOT NULL,
  PRIMARY KEY (entity_pk, scope)
) WITHOUT ROWID;
CREATE INDEX entity_scope_by_scope ON entity_scope (tenant, scope, entity_pk);

CREATE TABLE entity_attribute (
  tenant    TEXT NOT NULL,
  entity_pk INTEGER NOT NULL REFERENCES entity (pk) ON DELETE CASCADE,
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL,
  PRIMARY KEY (entity_pk, name, kind)
) WITHOUT ROWID;
CREATE INDEX entity_attribute_by_name ON entity_attribute (tenant, name, entity_pk);

-- One row per GeoProperty instance; its id is the rowid of its bounding box in entity_bbox.
CREATE TABLE entity_geo (
  id        INTEGER PRIMARY KEY,
  tenant    TEXT NOT NULL,
  entity_pk INTEGER NOT NULL REFERENCES entity (pk) ON DELETE CASCADE,
  attribute TEXT NOT NULL
);
CREATE INDEX entity_geo_by_entity ON entity_geo (entity_pk);

-- Bounding boxes in degrees (x = longitude, y = latitude). R*Tree stores 32-bit floats rounded
-- outwards, which is fine for a prefilter. Virtual tables take no foreign keys: the store deletes
-- boxes together with their entity_geo rows.
CREATE VIRTUAL TABLE entity_bbox USING rtree (id, min_x, max_x, min_y, max_y);
