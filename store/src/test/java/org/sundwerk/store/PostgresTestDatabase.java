package org.sundwerk.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh PostgreSQL database for one test class on the server CI starts ({@code
 * SUNDWERK_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres}),
 * with PostGIS, and a fresh schema per store. Tests fail, never skip, when the server is not
 * reachable. The server outlives test runs, so {@link #drop()} removes the database again.
 */
final class PostgresTestDatabase {

  static final String SERVER =
      System.getenv().getOrDefault("SUNDWERK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getenv().getOrDefault("SUNDWERK_TEST_PG_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("SUNDWERK_TEST_PG_PASSWORD", "");

  private final String name =
      "sundwerk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final AtomicInteger schemas = new AtomicInteger();

  /**
   * Creates the database, with PostGIS, in a linguistic collation (ICU {@code en-US}, where {@code
   * 'apple' > 'Z'} is false): the store must compare text in code point order whatever the
   * database's collation is.
   */
  static PostgresTestDatabase create() throws SQLException {
    PostgresTestDatabase database = new PostgresTestDatabase();
    database.execute(
        "postgres",
        "CREATE DATABASE "
            + database.name
            + " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
    database.execute(database.name, "CREATE EXTENSION postgis");
    return database;
  }

  /** A store database on a new, empty schema of this database (PostGIS stays in public). */
  StoreDatabase openSchema() throws SQLException {
    String schema = "store_" + schemas.incrementAndGet();
    execute(name, "CREATE SCHEMA " + schema);
    return StoreDatabase.postgres(
        SERVER + name + "?currentSchema=" + schema + ",public", USER, PASSWORD);
  }

  void drop() throws SQLException {
    execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void execute(String database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER + database, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
