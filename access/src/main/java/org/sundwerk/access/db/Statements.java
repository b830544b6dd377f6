package org.sundwerk.access.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Prepared statements with their parameters bound in order: {@code String}, {@code Long}, {@code
 * Integer}, or {@code null} (bound as a text NULL, the only nullable kind the access tables write).
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

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        switch (parameters[i]) {
          case null -> statement.setNull(i + 1, Types.VARCHAR);
          case String text -> statement.setString(i + 1, text);
          case Long number -> statement.setLong(i + 1, number);
          case Integer number -> statement.setInt(i + 1, number);
          default ->
              throw new IllegalArgumentException(
                  "cannot bind a " + parameters[i].getClass().getSimpleName());
        }
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }
}
