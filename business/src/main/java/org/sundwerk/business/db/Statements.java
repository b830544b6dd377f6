package org.sundwerk.business.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Prepared statements with their parameters bound in order. Kinds: {@code String}, {@code Long},
 * {@code Integer}, {@code Boolean} (as 0/1), {@code BigDecimal} (as its plain text, so SQLite keeps
 * every digit), {@code Instant} (as epoch milliseconds), {@code LocalDate} (as ISO text) and {@code
 * null} (a text NULL). Repositories read them back the same way.
 */
public final class Statements {

  private Statements() {}

  /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
  public static int update(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** A prepared statement with {@code parameters} bound; the caller closes it. */
  public static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        bind(statement, i + 1, parameters[i]);
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement statement, int index, Object value)
      throws SQLException {
    switch (value) {
      case null -> statement.setNull(index, Types.VARCHAR);
      case String text -> statement.setString(index, text);
      case Long number -> statement.setLong(index, number);
      case Integer number -> statement.setInt(index, number);
      case Boolean flag -> statement.setInt(index, flag ? 1 : 0);
      case BigDecimal number -> statement.setString(index, number.toPlainString());
      case Instant instant -> statement.setLong(index, instant.toEpochMilli());
      case LocalDate date -> statement.setString(index, date.toString());
      default ->
          throw new IllegalArgumentException("cannot bind a " + value.getClass().getSimpleName());
    }
  }
}
