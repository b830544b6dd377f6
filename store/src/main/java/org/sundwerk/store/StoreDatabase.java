package org.sundwerk.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sundwerk.broker.cluster.ClusterSignals;
import org.sundwerk.broker.cluster.Leadership;
import org.sundwerk.store.postgres.PostgresDialect;
import org.sundwerk.store.postgres.PostgresLeadership;
import org.sundwerk.store.postgres.PostgresSignals;
import org.sundwerk.store.sqlite.SqliteDialect;

/**
 * One database the stores share: its dialect and a pool of read connections, migrated to the
 * current schema when opened. Thread-safe. Close it after the stores that use it.
 */
public final class StoreDatabase implements AutoCloseable {

  /** Read connections: enough for concurrent GETs and queries on a small machine. */
  public static final int DEFAULT_READ_POOL_SIZE = 4;

  private final SqlDialect dialect;
  private final DataSource readPool;

  private StoreDatabase(SqlDialect dialect, DataSource readPool) {
    this.dialect = dialect;
    this.readPool = readPool;
  }

  /** Opens the database of {@code dialect} and applies its pending migrations. */
  public static StoreDatabase open(SqlDialect dialect, int readPoolSize) {
    DataSource pool = dialect.openReadPool(readPoolSize);
    try {
      Flyway.configure().dataSource(pool).locations(dialect.migrationLocation()).load().migrate();
    } catch (RuntimeException e) {
      closePool(pool);
      throw e;
    }
    return new StoreDatabase(dialect, pool);
  }

  /** The embedded default: SQLite in {@code dataDirectory/sundwerk.db}, created if needed. */
  public static StoreDatabase sqlite(Path dataDirectory) {
    return open(new SqliteDialect(dataDirectory), DEFAULT_READ_POOL_SIZE);
  }

  /**
   * The scale-out backend: PostgreSQL with PostGIS at {@code jdbcUrl} ({@code
   * jdbc:postgresql://host:port/database}). The first migration creates the {@code postgis}
   * extension if it is missing, which needs a superuser.
   */
  public static StoreDatabase postgres(String jdbcUrl, String user, String password) {
    return open(new PostgresDialect(jdbcUrl, user, password), DEFAULT_READ_POOL_SIZE);
  }

  /**
   * Signals to and from the other nodes on this database: {@code LISTEN}/{@code NOTIFY} on a
   * connection of its own where several nodes may share it, none otherwise. Close it before this
   * database.
   */
  public ClusterSignals openSignals() {
    return dialect instanceof PostgresDialect postgres
        ? new PostgresSignals(() -> postgres.openConnection(PostgresDialect.SIGNALS), readPool)
        : ClusterSignals.NONE;
  }

  /**
   * The leader among the nodes on this database for the jobs of group {@code lock}: a session
   * advisory lock on a connection of its own where several nodes may share it; always this node
   * otherwise. Close it before this database.
   */
  public Leadership openLeadership(int lock) {
    return dialect instanceof PostgresDialect postgres
        ? new PostgresLeadership(() -> postgres.openConnection(PostgresDialect.LEADERSHIP), lock)
        : Leadership.ALONE;
  }

  public SqlDialect dialect() {
    return dialect;
  }

  DataSource readPool() {
    return readPool;
  }

  @Override
  public void close() {
    closePool(readPool);
  }

  private static void closePool(DataSource pool) {
    if (pool instanceof HikariDataSource hikari) {
      hikari.close();
    }
  }
}
