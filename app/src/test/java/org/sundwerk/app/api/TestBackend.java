package org.sundwerk.app.api;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.sundwerk.app.TestAdmin;
import org.sundwerk.store.PostgresTestDatabase;

/**
 * The store backend the API tests run on, chosen for the whole test JVM by the system property
 * {@code sundwerk.test.backend}: {@code sqlite} (the default) or {@code postgres}. The build runs
 * the API tests once per backend (see the surefire executions in {@code app/pom.xml}).
 *
 * <p>On PostgreSQL every test class gets a fresh database, created before its Spring context starts
 * and dropped after the context closed: as a Spring test execution listener it closes the class's
 * context after the class, which on SQLite stays cached and shared by all classes. Test classes
 * that start servers themselves register it as a JUnit extension instead
 * ({@code @ExtendWith(TestBackend.class)}) and pass {@link #properties()} to each server.
 */
public final class TestBackend extends AbstractTestExecutionListener
    implements BeforeAllCallback, AfterAllCallback {

  /** True when this JVM runs the tests on PostgreSQL. */
  static final boolean POSTGRES =
      switch (System.getProperty("sundwerk.test.backend", "sqlite")) {
        case "sqlite" -> false;
        case "postgres" -> true;
        default ->
            throw new IllegalStateException(
                "sundwerk.test.backend must be sqlite or postgres, was "
                    + System.getProperty("sundwerk.test.backend"));
      };

  /** The database of the running test class; test classes run one after the other. */
  private static volatile PostgresTestDatabase current;

  /**
   * Properties that select the backend of a server about to start: on PostgreSQL the current test
   * class's database, none on SQLite (the data directory is the caller's).
   */
  static Map<String, String> properties() {
    if (!POSTGRES) {
      return Map.of("sundwerk.admin-api-key", TestAdmin.KEY);
    }
    return Map.of(
        "sundwerk.admin-api-key", TestAdmin.KEY,
        "sundwerk.db-url", database().url(),
        "sundwerk.db-user", PostgresTestDatabase.USER,
        "sundwerk.db-password", PostgresTestDatabase.PASSWORD);
  }

  private static PostgresTestDatabase database() {
    PostgresTestDatabase database = current;
    if (database == null) {
      throw new IllegalStateException("no test class database: is TestBackend registered?");
    }
    return database;
  }

  @Override
  public void beforeTestClass(TestContext testContext) throws SQLException {
    createDatabase();
  }

  @Override
  public void afterTestClass(TestContext testContext) throws SQLException {
    if (POSTGRES) {
      // Closes the context now, so that no connection or background thread outlives the database.
      testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
    }
    dropDatabase();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    createDatabase();
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    dropDatabase();
  }

  private static void createDatabase() throws SQLException {
    if (POSTGRES) {
      PostgresTestDatabase database = new PostgresTestDatabase();
      database.create();
      current = database;
    }
  }

  private static void dropDatabase() throws SQLException {
    if (POSTGRES) {
      database().drop();
      current = null;
    }
  }
}
