package org.sundwerk.business.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database for one test class on the server CI starts ({@code
 * SUNDWERK_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres})
 * and a fresh schema per {@link #newDatabase}; dropped after the class. Tests fail, never skip,
 * when the server is not reachable. Register it as a static {@code @RegisterExtension} field.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {

  static final String SERVER =
      System.getenv().getOrDefault("SUNDWERK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getenv().getOrDefault("SUNDWERK_TEST_PG_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("SUNDWERK_TEST_PG_PASSWORD", "");

  private final String name =
      "sundwerk_business_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final AtomicInteger schemas = new AtomicInteger();

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    execute("postgres", "CREATE DATABASE " + name);
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** A new, empty schema of this class's database. */
  public BusinessDatabase newDatabase() {
    try {
      String schema = "business_" + schemas.incrementAndGet();
      execute(name, "CREATE SCHEMA " + schema);
      PGSimpleDataSource source = new PGSimpleDataSource();
      source.setUrl(SERVER + name + "?currentSchema=" + schema);
      source.setUser(USER);
      source.setPassword(PASSWORD);
      return BusinessDatabase.of(source);
    } catch (SQLException e) {
      throw new IllegalStateException("test database: " + e.getMessage(), e);
    }
  }

  private static void execute(String database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER + database, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
