/** The access module's own tables: opening, migrating and transactions over JDBC. */
package org.sundwerk.access.db;
