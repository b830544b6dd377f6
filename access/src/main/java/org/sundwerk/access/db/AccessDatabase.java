package org.sundwerk.access.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database holding the access tables ({@code access_*}), migrated when opened. It may be the
 * same database as the store's: the access migrations live in {@code db/access/<dialect>} and keep
 * their own history table {@value #HISTORY_TABLE}, so the two never see each other's migrations.
 * Open the store first on a new database: its Flyway refuses a non-empty schema without its own
 * history table, while this one baselines at version 0 and then applies all of its migrations.
 * Thread-safe.
 */
public final class AccessDatabase implements AutoCloseable {

  /** Flyway's history table for the access migrations, next to the store's default one. */
  public static final String HISTORY_TABLE = "access_schema_history";

  /** Enough for logins, key lookups and audit writes of a small node. */
  static final int POOL_SIZE = 4;

  /** How long a SQLite connection waits for the write lock another one holds, in ms. */
  private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

  /** Where the migrations of each database live on the classpath. */
  private enum Dialect {
    SQLITE("classpath:db/access/sqlite"),
    POSTGRES("classpath:db/access/postgres");

    private final String migrations;

    Dialect(String migrations) {
      this.migrations = migrations;
    }
  }

  private final HikariDataSource pool;

  private AccessDatabase(HikariDataSource pool) {
    this.pool = pool;
  }

  /** SQLite in {@code file} (WAL, {@code synchronous=FULL}), created if needed. */
  public static AccessDatabase sqlite(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    // A deferred transaction that reads and then writes fails at once with SQLITE_BUSY when
    // another connection wrote in between; IMMEDIATE takes the write lock (waiting) up front.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return openPooled(source, Dialect.SQLITE, "sundwerk-access-sqlite");
  }

  /** PostgreSQL at {@code jdbcUrl}; an empty user or password leaves the URL's in place. */
  public static AccessDatabase postgres(String jdbcUrl, String user, String password) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(jdbcUrl);
    if (!user.isEmpty()) {
      source.setUser(user);
    }
    if (!password.isEmpty()) {
      source.setPassword(password);
    }
    return openPooled(source, Dialect.POSTGRES, "sundwerk-access-postgres");
  }

  private static AccessDatabase openPooled(DataSource source, Dialect dialect, String name) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(source);
    config.setPoolName(name);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      migrate(pool, dialect);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new AccessDatabase(pool);
  }

  private static void migrate(DataSource dataSource, Dialect dialect) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(dialect.migrations)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** Runs {@code work} on a connection in auto-commit mode: one statement, one transaction. */
  public <T> T run(SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new AccessStorageException("access tables: " + e.getMessage(), e);
    }
  }

  /** Runs one INSERT, UPDATE or DELETE in its own transaction; returns the changed row count. */
  public int update(String sql, Object... parameters) {
    return run(connection -> Statements.update(connection, sql, parameters));
  }

  /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
  public <T> T inTransaction(SqlWork<T> work) {
    return run(
        connection -> {
          connection.setAutoCommit(false);
          try {
            T result = work.run(connection);
            connection.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
          } finally {
            connection.setAutoCommit(true);
          }
        });
  }

  /**
   * The pool itself, for Spring Session's JDBC repository (portal sessions in {@code
   * access_session}, created by migration V3). Closed by {@link #close}, not by its users.
   */
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }
}
