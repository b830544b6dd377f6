package org.sundwerk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One INSERT statement for several rows ({@code VALUES (...), (...)}), in chunks of at most {@link
 * #MAX_ROWS}: the writer's rows of one entity (attribute names, temporal instances) then cost one
 * statement execution, and on PostgreSQL one round trip, instead of one per row. The statement of
 * each row count is prepared once in the {@link StatementCache}.
 */
final class MultiRowInsert {

  /** Most rows in one statement: bounds the cached statement variants per table. */
  static final int MAX_ROWS = 32;

  /** Binds one row's values, starting at parameter {@code first}. */
  @FunctionalInterface
  interface RowBinder<T> {
    void bind(PreparedStatement statement, int first, T row) throws SQLException;
  }

  private MultiRowInsert() {}

  /**
   * Inserts {@code rows}: {@code head} is {@code INSERT INTO t (c1, ..., cn)}, {@code tail} what
   * follows the VALUES list (an ON CONFLICT clause, or empty), {@code columns} the n.
   */
  static <T> void insert(
      StatementCache statements,
      String head,
      String tail,
      int columns,
      List<T> rows,
      RowBinder<T> binder)
      throws SQLException {
    for (int from = 0; from < rows.size(); from += MAX_ROWS) {
      List<T> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS));
      PreparedStatement insert = statements.prepare(sql(head, tail, columns, chunk.size()));
      int parameter = 1;
      for (T row : chunk) {
        binder.bind(insert, parameter, row);
        parameter += columns;
      }
      insert.executeUpdate();
    }
  }

  private static String sql(String head, String tail, int columns, int rowCount) {
    String row = "(" + "?, ".repeat(columns - 1) + "?)";
    StringBuilder sql = new StringBuilder(head).append(" VALUES ").append(row);
    for (int i = 1; i < rowCount; i++) {
      sql.append(", ").append(row);
    }
    return sql.append(tail).toString();
  }
}
