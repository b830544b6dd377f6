/**
 * The one JDBC implementation of the broker's store ports; database differences live in a small
 * {@link org.sundwerk.store.SqlDialect}.
 */
package org.sundwerk.store;
