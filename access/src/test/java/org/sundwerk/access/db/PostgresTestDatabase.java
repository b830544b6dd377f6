package org.sundwerk.access.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database for one test class on the server CI starts ({@code
 * SUNDWERK_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres})
 * and a fresh schema per test; dropped after the class, since the server outlives test runs. Tests
 * fail, never skip, when the server is not reachable. Same conventions as the store's helper of
 * that name, without PostGIS, which the access tables do not need.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {

  static final String SERVER =
      System.getenv().getOrDefault("SUNDWERK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getenv().getOrDefault("SUNDWERK_TEST_PG_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("SUNDWERK_TEST_PG_PASSWORD", "");

  private final String name =
      "sundwerk_access_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final AtomicInteger schemas = new AtomicInteger();

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    execute("postgres", "CREATE DATABASE " + name);
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** The JDBC URL of a new, empty schema of this database. */
  String newSchema() throws SQLException {
    String schema = "access_" + schemas.incrementAndGet();
    execute(name, "CREATE SCHEMA " + schema);
    return SERVER + name + "?currentSchema=" + schema;
  }

  private static void execute(String database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER + database, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
