package org.sundwerk.store;

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
 * SUNDWERK_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres}),
 * with PostGIS, and a fresh schema per store. Tests fail, never skip, when the server is not
 * reachable. Register it as {@code @RegisterExtension static final PostgresTestDatabase server =
 * new PostgresTestDatabase();}: it creates the database before the class and drops it afterwards,
 * since the server outlives test runs. Tests of other modules that manage the lifecycle themselves
 * (e.g. around a Spring context) call {@link #create} and {@link #drop} directly.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {

  static final String SERVER =
      System.getenv().getOrDefault("SUNDWERK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  public static final String USER =
      System.getenv().getOrDefault("SUNDWERK_TEST_PG_USER", "postgres");
  public static final String PASSWORD =
      System.getenv().getOrDefault("SUNDWERK_TEST_PG_PASSWORD", "");

  /** Registered per test class; see the class comment. */
  public PostgresTestDatabase() {}

  private final String name =
      "sundwerk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final AtomicInteger schemas = new AtomicInteger();

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    create();
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    drop();
  }

  /**
   * Creates the database, with PostGIS, in a linguistic collation (ICU {@code en-US}, where {@code
   * 'apple' > 'Z'} is false): the store must compare text in code point order whatever the
   * database's collation is.
   */
  public void create() throws SQLException {
    execute(
        "postgres",
        "CREATE DATABASE "
            + name
            + " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
    execute(name, "CREATE EXTENSION postgis");
  }

  /** Drops the database, closing the connections still open to it. */
  public void drop() throws SQLException {
    execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** A store database on a new, empty schema of this database (PostGIS stays in public). */
  StoreDatabase openSchema() throws SQLException {
    return open(newSchema());
  }

  /** The JDBC URL of a new, empty schema; open it several times to play several nodes. */
  String newSchema() throws SQLException {
    String schema = "store_" + schemas.incrementAndGet();
    execute(name, "CREATE SCHEMA " + schema);
    return SERVER + name + "?currentSchema=" + schema + ",public";
  }

  /** A store database on the schema at {@code url}, migrated if it is new. */
  StoreDatabase open(String url) {
    return StoreDatabase.postgres(url, USER, PASSWORD);
  }

  /**
   * The JDBC URL of the whole database, with the user in it, for a process that migrates it itself
   * (an app node started with {@code sundwerk.db-url}).
   */
  public String url() {
    return SERVER + name + "?user=" + USER + (PASSWORD.isEmpty() ? "" : "&password=" + PASSWORD);
  }

  private void execute(String database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER + database, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
