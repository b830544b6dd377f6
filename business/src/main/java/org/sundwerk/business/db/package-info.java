/**
 * The database the business features share (the access database: SQLite or PostgreSQL) and the
 * small JDBC helpers their repositories use; each feature migrates its own tables.
 */
package org.sundwerk.business.db;
