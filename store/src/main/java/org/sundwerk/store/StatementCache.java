package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements of one connection, prepared once and reused: the writer runs the same few
 * statements for every mutation, and preparing them each time costs more than running them. Not
 * thread-safe: confined to the thread that owns the connection.
 */
public final class StatementCache implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  StatementCache(Connection connection) {
    this.connection = connection;
  }

  /** The prepared statement for {@code sql}, parameters to be set by the caller. */
  public PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /**
   * Drops the rows added to any statement's batch and not executed: after a failure between {@code
   * addBatch} and {@code executeBatch}, the next execution must not send them.
   */
  void clearBatches() throws SQLException {
    for (PreparedStatement statement : statements.values()) {
      statement.clearBatch();
    }
  }

  public Connection connection() {
    return connection;
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement : statements.values()) {
      statement.close();
    }
    statements.clear();
  }
}
