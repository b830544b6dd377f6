package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * The writer's connection and whether writes commit on it ({@link #status()}). When a transaction
 * fails because the database is unavailable ({@link WriteFailures}: the connection broke, the
 * server restarts, the disk is full), the writer reports it ({@link #failed}): the connection is
 * closed, the write path reported down, and a new connection opened with a backoff from {@value
 * #MIN_BACKOFF_MILLIS} ms doubling to {@value #MAX_BACKOFF_MILLIS} ms; until then {@link
 * #connected()} is false, so that writes are refused at once instead of waiting on a dead database.
 * Once connected again, the next transaction that commits ({@link #worked()}: a write, or the probe
 * {@link #whileIdle()} runs) reports the path up. While idle and up, {@link #whileIdle()} checks
 * the connection every {@value #VALIDATE_MILLIS} ms, so that a restart of the database is noticed
 * without writes too.
 *
 * <p>Confined to the writer thread, except {@link #status()}.
 */
final class WriterConnection implements AutoCloseable {

  static final long MIN_BACKOFF_MILLIS = 100;

  /**
   * At most this long between reconnection attempts: a restarted PostgreSQL (about 2 s here) takes
   * writes again within a second.
   */
  static final long MAX_BACKOFF_MILLIS = 1_000;

  static final long VALIDATE_MILLIS = 1_000;

  private static final int VALID_SECONDS = 2;

  private static final Logger LOG = LoggerFactory.getLogger(WriterConnection.class);

  private final SqlDialect dialect;
  private volatile WritePathStatus status = WritePathStatus.UP;

  // Null while broken.
  private Connection connection;
  private StatementCache statements;
  private long backoffMillis = MIN_BACKOFF_MILLIS;
  private long reconnectAtNanos;
  private long validatedAtNanos = System.nanoTime();

  /** Opens the first connection; fails if it cannot. */
  WriterConnection(SqlDialect dialect) throws SQLException {
    this.dialect = dialect;
    this.connection = dialect.openWriteConnection();
    this.statements = new StatementCache(connection);
  }

  /** Whether writes commit now; read by health checks from any thread. */
  WritePathStatus status() {
    return status;
  }

  /** The open connection; only after {@link #connected()} answered true. */
  Connection connection() {
    return connection;
  }

  /** The statements of {@link #connection()}. */
  StatementCache statements() {
    return statements;
  }

  /**
   * Whether there is a connection, opening a new one if there is none and the backoff since the
   * last attempt has passed.
   */
  boolean connected() {
    if (connection != null) {
      return true;
    }
    if (System.nanoTime() - reconnectAtNanos < 0) {
      return false;
    }
    try {
      connection = dialect.openWriteConnection();
      statements = new StatementCache(connection);
      validatedAtNanos = System.nanoTime();
      LOG.info("writer connection reopened");
      return true;
    } catch (SQLException | RuntimeException e) {
      status = WritePathStatus.down("cannot connect to the database: " + e.getMessage());
      LOG.warn("reopening the writer connection failed: {}", e.getMessage());
      scheduleReconnect();
      return false;
    }
  }

  /** The database failure behind {@code e}, also when the driver only closed the connection. */
  Optional<SQLException> brokenBy(Throwable e) {
    Optional<SQLException> unavailable = WriteFailures.unavailable(e);
    if (unavailable.isPresent()) {
      return unavailable;
    }
    try {
      return connection.isClosed()
          ? Optional.of(new SQLException("the writer connection was closed", "08003", e))
          : Optional.empty();
    } catch (SQLException closed) {
      return Optional.of(closed);
    }
  }

  /** The retryable failure of a write refused because of the current problem. */
  NgsiLdException unavailable(String outcome, Throwable cause) {
    String problem = status.problem().orElse("the database is unavailable");
    return NgsiLdException.unavailable(
        "The database cannot take writes at the moment ("
            + problem
            + "); "
            + outcome
            + ". Retry later.",
        cause);
  }

  /**
   * While no write is queued: reconnects after a failure and proves with a probe transaction that
   * commits work again, or checks that the connection is still valid.
   */
  void whileIdle() {
    if (!connected()) {
      return;
    }
    if (!status.up()) {
      probe();
    } else if (System.nanoTime() - validatedAtNanos
        > TimeUnit.MILLISECONDS.toNanos(VALIDATE_MILLIS)) {
      validatedAtNanos = System.nanoTime();
      try {
        if (!connection.isValid(VALID_SECONDS)) {
          failed(new SQLException("the writer connection is no longer valid", "08003"));
        }
      } catch (SQLException e) {
        failed(e);
      }
    }
  }

  /** Commits one tiny write of its own; the write path is up again if it commits. */
  private void probe() {
    try {
      dialect.begin(connection);
      PreparedStatement write =
          statements.prepare(
              dialect.upsert("write_probe", List.of("id"), List.of("id", "probed_at")));
      write.setInt(1, 1);
      write.setLong(2, System.currentTimeMillis());
      write.executeUpdate();
      dialect.commit(connection);
      worked();
    } catch (SQLException | RuntimeException e) {
      dialect.rollback(connection);
      failed(WriteFailures.unavailable(e).orElse(new SQLException(e.getMessage(), e)));
    }
  }

  /** A transaction committed: the write path is up. */
  void worked() {
    backoffMillis = MIN_BACKOFF_MILLIS;
    if (!status.up()) {
      LOG.info("writes commit again");
      status = WritePathStatus.UP;
    }
  }

  /** Reports the path down and drops the connection, to be reopened after the backoff. */
  void failed(SQLException cause) {
    if (status.up()) {
      LOG.error("the database cannot take writes; reconnecting", cause);
    } else {
      LOG.warn("the database still cannot take writes: {}", cause.getMessage());
    }
    status = WritePathStatus.down(describe(cause));
    closeQuietly();
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    reconnectAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis);
    backoffMillis = Math.min(2 * backoffMillis, MAX_BACKOFF_MILLIS);
  }

  private static String describe(SQLException cause) {
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return cause.getSQLState() == null
        ? message
        : message + " [SQLState " + cause.getSQLState() + "]";
  }

  private void closeQuietly() {
    if (connection == null) {
      return;
    }
    try {
      statements.close();
      connection.close();
    } catch (SQLException | RuntimeException e) {
      LOG.debug("closing the writer connection failed", e);
    }
    connection = null;
    statements = null;
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
