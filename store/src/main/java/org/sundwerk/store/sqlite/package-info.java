/** The SQLite dialect, the embedded default backend. */
package org.sundwerk.store.sqlite;
