package org.sundwerk.business.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The database of the business features, given as a pool the app owns (the access database). Each
 * feature owns its tables: {@link #migrate} applies {@code db/business/<feature>/<dialect>} with
 * the feature's own Flyway history table {@code business_<feature>_history}, so features migrate
 * independently and never see each other's versions. Thread-safe; closing the pool is the owner's
 * business.
 */
public final class BusinessDatabase {

  /** The SQL dialects a feature writes migrations for. */
  public enum Dialect {
    SQLITE,
    POSTGRES;

    String directory() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final DataSource dataSource;
  private final Dialect dialect;

  private BusinessDatabase(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** The database behind {@code dataSource}; its dialect is told by the JDBC driver. */
  public static BusinessDatabase of(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      Dialect dialect =
          product.contains("sqlite")
              ? Dialect.SQLITE
              : product.contains("postgres") ? Dialect.POSTGRES : null;
      if (dialect == null) {
        throw new IllegalArgumentException("business tables need SQLite or PostgreSQL: " + product);
      }
      return new BusinessDatabase(dataSource, dialect);
    } catch (SQLException e) {
      throw new BusinessStorageException("business database: " + e.getMessage(), e);
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Applies the migrations of {@code feature} (a lower-case package name such as {@code partner})
   * from {@code classpath:db/business/<feature>/<dialect>}. The schema may hold other tables (the
   * store's, the access ones): the feature's history baselines at version 0.
   */
  public void migrate(String feature) {
    if (!feature.matches("[a-z]+")) {
      throw new IllegalArgumentException("a feature is named by lower-case letters: " + feature);
    }
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/business/" + feature + "/" + dialect.directory())
        .table("business_" + feature + "_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** Runs {@code work} on a connection in auto-commit mode. */
  public <T> T run(SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new BusinessStorageException("business tables: " + e.getMessage(), e);
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
}
