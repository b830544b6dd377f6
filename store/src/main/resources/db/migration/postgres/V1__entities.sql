-- Current state of entities with row-level tenancy, as in the SQLite V1. The JSONB document is the
-- source of truth; the side tables hold what queries and summaries need indexed and are rewritten
-- with it. Times are TEXT in the store's fixed-width UTC format, as on SQLite.

-- Creating the extension needs a superuser (or a database owner on a trusted install); an operator
-- without one creates it beforehand and this statement is then a no-op.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE tenant (
  name TEXT PRIMARY KEY
);

CREATE TABLE entity (
  pk          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant      TEXT NOT NULL REFERENCES tenant (name),
  id          TEXT NOT NULL,
  doc         JSONB NOT NULL,
  created_at  TEXT,
  modified_at TEXT,
  UNIQUE (tenant, id)
);
-- (tenant, pk) order: paging over all entities of a tenant in creation order.
CREATE INDEX entity_by_tenant ON entity (tenant, pk);

CREATE TABLE entity_type (
  tenant    TEXT NOT NULL,
  entity_pk BIGINT NOT NULL REFERENCES entity (pk) ON DELETE CASCADE,
  type      TEXT NOT NULL,
  PRIMARY KEY (entity_pk, type)
);
CREATE INDEX entity_type_by_type ON entity_type (tenant, type, entity_pk);

CREATE TABLE entity_scope (
  tenant    TEXT NOT NULL,
  entity_pk BIGINT NOT NULL REFERENCES entity (pk) ON DELETE CASCADE,
  scope     TEXT NOT NULL,
  PRIMARY KEY (entity_pk, scope)
);
CREATE INDEX entity_scope_by_scope ON entity_scope (tenant, scope, entity_pk);

CREATE TABLE entity_attribute (
  tenant    TEXT NOT NULL,
  entity_pk BIGINT NOT NULL REFERENCES entity (pk) ON DELETE CASCADE,
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL,
  PRIMARY KEY (entity_pk, name, kind)
);
CREATE INDEX entity_attribute_by_name ON entity_attribute (tenant, name, entity_pk);

-- One row per GeoProperty instance with its bounding box (x = longitude, y = latitude, SRID 4326)
-- as a PostGIS polygon; the GiST index serves the && prefilter, the exact predicate runs in JTS.
CREATE TABLE entity_geo (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant    TEXT NOT NULL,
  entity_pk BIGINT NOT NULL REFERENCES entity (pk) ON DELETE CASCADE,
  attribute TEXT NOT NULL,
  bbox      geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX entity_geo_by_entity ON entity_geo (entity_pk);
CREATE INDEX entity_geo_by_bbox ON entity_geo USING gist (bbox);
