-- Portal sessions (Spring Session JDBC, table name access_session; the app sets
-- spring.session.jdbc.table-name). Kept in the database so that a login survives a switch to
-- another node and a restart. The columns are Spring Session's own schema for PostgreSQL; times
-- are epoch milliseconds, as in the other access tables.

CREATE TABLE access_session (
  PRIMARY_ID            CHAR(36) NOT NULL,
  SESSION_ID            CHAR(36) NOT NULL,
  CREATION_TIME         BIGINT NOT NULL,
  LAST_ACCESS_TIME      BIGINT NOT NULL,
  MAX_INACTIVE_INTERVAL INT NOT NULL,
  EXPIRY_TIME           BIGINT NOT NULL,
  PRINCIPAL_NAME        VARCHAR(100),
  CONSTRAINT access_session_pk PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX access_session_ix1 ON access_session (SESSION_ID);
CREATE INDEX access_session_ix2 ON access_session (EXPIRY_TIME);
CREATE INDEX access_session_ix3 ON access_session (PRINCIPAL_NAME);

CREATE TABLE access_session_attributes (
  SESSION_PRIMARY_ID CHAR(36) NOT NULL,
  ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
  ATTRIBUTE_BYTES    BYTEA NOT NULL,
  CONSTRAINT access_session_attributes_pk PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
  CONSTRAINT access_session_attributes_fk FOREIGN KEY (SESSION_PRIMARY_ID)
    REFERENCES access_session (PRIMARY_ID) ON DELETE CASCADE
);
