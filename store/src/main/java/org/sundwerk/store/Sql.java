package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A SQL text being built together with its bind parameters, in order. Not thread-safe. */
public final class Sql {
  private final StringBuilder text = new StringBuilder(256);
  private final List<Object> params = new ArrayList<>();

  public Sql append(String sql) {
    text.append(sql);
    return this;
  }

  /** Appends a {@code ?} placeholder bound to {@code value}. */
  public Sql param(Object value) {
    text.append('?');
    params.add(value);
    return this;
  }

  /** Appends {@code (?, ?, ...)} for the values. */
  public Sql params(List<?> values) {
    text.append('(');
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "?" : ", ?");
      params.add(values.get(i));
    }
    text.append(')');
    return this;
  }

  public Sql append(Sql other) {
    text.append(other.text);
    params.addAll(other.params);
    return this;
  }

  public String text() {
    return text.toString();
  }

  public PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(text.toString());
    for (int i = 0; i < params.size(); i++) {
      statement.setObject(i + 1, params.get(i));
    }
    return statement;
  }

  @Override
  public String toString() {
    return text + " " + params;
  }
}
