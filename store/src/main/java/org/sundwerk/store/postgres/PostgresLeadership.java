package org.sundwerk.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sundwerk.broker.cluster.Leadership;

/**
 * {@link Leadership} as a PostgreSQL session advisory lock (class {@value #LEADER_LOCK_CLASS}) held
 * on a connection of its own: the server releases it when that connection ends, so when the
 * leader's process dies, the next node that asks takes it over. Each {@link #isLeader()} checks
 * that the connection still works (one round trip) and opens a new one when it broke.
 */
public final class PostgresLeadership implements Leadership {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresLeadership.class);

  /** The first key of the leader lock; {@link PostgresDialect#ENTITY_LOCK_CLASS} is another. */
  public static final int LEADER_LOCK_CLASS = 2;

  private static final int VALID_SECONDS = 2;

  private final PostgresSignals.Connector connector;
  private final int lock;

  // Guarded by this: the session that holds or tries the lock, and whether it holds it.
  private Connection connection;
  private boolean held;

  /**
   * @param lock which leader lock (one per group of jobs that must run once)
   */
  public PostgresLeadership(PostgresSignals.Connector connector, int lock) {
    this.connector = connector;
    this.lock = lock;
  }

  @Override
  public synchronized boolean isLeader() {
    try {
      if (connection == null || !connection.isValid(VALID_SECONDS)) {
        release();
        connection = connector.open();
      }
      if (!held) {
        held = tryLock();
        if (held) {
          LOG.info("this node is now the leader (periodic notifications, pruning)");
        }
      }
      return held;
    } catch (SQLException e) {
      LOG.warn("checking leadership failed", e);
      release();
      return false;
    }
  }

  private boolean tryLock() throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      statement.setInt(1, LEADER_LOCK_CLASS);
      statement.setInt(2, lock);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }

  /** Ends the session, which releases the lock if it held it. */
  private void release() {
    held = false;
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing the leadership connection failed", e);
      }
      connection = null;
    }
  }

  @Override
  public synchronized void close() {
    release();
  }
}
