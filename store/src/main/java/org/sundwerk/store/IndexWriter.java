package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;

/**
 * Writes the side tables of one entity inside the writer's transaction, touching only those whose
 * content changed (a typical update changes values, not types, scopes or attribute names).
 */
final class IndexWriter {

  private IndexWriter() {}

  static void write(
      Connection connection,
      SqlDialect dialect,
      String tenant,
      long pk,
      IndexRows rows,
      Optional<IndexRows> previous)
      throws SQLException {
    if (previous.isEmpty() || !previous.get().types().equals(rows.types())) {
      replace(connection, "entity_type", "type", tenant, pk, rows.types(), previous.isPresent());
    }
    if (previous.isEmpty() || !previous.get().scopes().equals(rows.scopes())) {
      replace(connection, "entity_scope", "scope", tenant, pk, rows.scopes(), previous.isPresent());
    }
    if (previous.isEmpty() || !previous.get().attributes().equals(rows.attributes())) {
      if (previous.isPresent()) {
        deleteRows(connection, "entity_attribute", pk);
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO entity_attribute (tenant, entity_pk, name, kind) VALUES (?, ?, ?, ?)")) {
        for (IndexRows.NameKind attribute : rows.attributes()) {
          insert.setString(1, tenant);
          insert.setLong(2, pk);
          insert.setString(3, attribute.name());
          insert.setString(4, attribute.kind());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    boolean boxesChanged =
        previous.isPresent()
            ? !previous.get().boxes().equals(rows.boxes())
            : !rows.boxes().isEmpty();
    if (boxesChanged) {
      dialect.writeBoxes(connection, tenant, pk, rows.boxes());
    }
  }

  private static void replace(
      Connection connection,
      String table,
      String column,
      String tenant,
      long pk,
      Collection<String> values,
      boolean existed)
      throws SQLException {
    if (existed) {
      deleteRows(connection, table, pk);
    }
    if (values.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + table + " (tenant, entity_pk, " + column + ") VALUES (?, ?, ?)")) {
      for (String value : values) {
        insert.setString(1, tenant);
        insert.setLong(2, pk);
        insert.setString(3, value);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void deleteRows(Connection connection, String table, long pk) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM " + table + " WHERE entity_pk = ?")) {
      delete.setLong(1, pk);
      delete.executeUpdate();
    }
  }
}
