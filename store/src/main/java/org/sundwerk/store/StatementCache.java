package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
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

  /** Binds the parameters of one row of a batch. */
  @FunctionalInterface
  public interface RowBinder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  /**
   * Runs {@code sql} once for each of {@code rows} as one JDBC batch, nothing if there are none:
   * one round trip to PostgreSQL, whose driver also turns a batch of INSERTs into multi-row INSERTs
   * (the writer's {@code reWriteBatchedInserts}).
   */
  public <T> void executeBatch(String sql, Collection<T> rows, RowBinder<T> binder)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    PreparedStatement statement = prepare(sql);
    for (T row : rows) {
      binder.bind(statement, row);
      statement.addBatch();
    }
    statement.executeBatch();
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
