package org.sundwerk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Writes the side tables of one entity inside the writer's transaction, touching only those whose
 * content changed (a typical update changes values, not types, scopes or attribute names).
 */
final class IndexWriter {

  private IndexWriter() {}

  /** Writes the rows of a new entity ({@code previous} empty) or replaces the changed ones. */
  static void write(
      StatementCache statements,
      SqlDialect dialect,
      String tenant,
      long pk,
      IndexRows rows,
      Optional<IndexRows> previous)
      throws SQLException {
    boolean existed = previous.isPresent();
    if (!existed || !previous.get().types().equals(rows.types())) {
      replace(statements, "entity_type", "type", tenant, pk, rows.types(), existed);
    }
    if (!existed || !previous.get().scopes().equals(rows.scopes())) {
      replace(statements, "entity_scope", "scope", tenant, pk, rows.scopes(), existed);
    }
    if (!existed || !previous.get().attributes().equals(rows.attributes())) {
      if (existed) {
        deleteRows(statements, "entity_attribute", pk);
      }
      MultiRowInsert.insert(
          statements,
          "INSERT INTO entity_attribute (tenant, entity_pk, name, kind)",
          "",
          4,
          List.copyOf(rows.attributes()),
          (insert, first, attribute) -> {
            insert.setString(first, tenant);
            insert.setLong(first + 1, pk);
            insert.setString(first + 2, attribute.name());
            insert.setString(first + 3, attribute.kind());
          });
    }
    if (!existed || !previous.get().boxes().equals(rows.boxes())) {
      if (existed && !previous.get().boxes().isEmpty()) {
        dialect.deleteBoxes(statements, pk, previous.get().boxes());
      }
      dialect.insertBoxes(statements, tenant, pk, rows.boxes());
    }
  }

  /** Removes what the side tables hold of an entity that is being deleted. */
  static void delete(StatementCache statements, SqlDialect dialect, long pk, IndexRows previous)
      throws SQLException {
    if (!previous.boxes().isEmpty()) {
      dialect.deleteBoxes(statements, pk, previous.boxes());
    }
    // entity_type, entity_scope and entity_attribute rows go with the entity (ON DELETE CASCADE).
  }

  private static void replace(
      StatementCache statements,
      String table,
      String column,
      String tenant,
      long pk,
      Collection<String> values,
      boolean existed)
      throws SQLException {
    if (existed) {
      deleteRows(statements, table, pk);
    }
    if (values.isEmpty()) {
      return;
    }
    MultiRowInsert.insert(
        statements,
        "INSERT INTO " + table + " (tenant, entity_pk, " + column + ")",
        "",
        3,
        List.copyOf(values),
        (insert, first, value) -> {
          insert.setString(first, tenant);
          insert.setLong(first + 1, pk);
          insert.setString(first + 2, value);
        });
  }

  private static void deleteRows(StatementCache statements, String table, long pk)
      throws SQLException {
    PreparedStatement delete = statements.prepare("DELETE FROM " + table + " WHERE entity_pk = ?");
    delete.setLong(1, pk);
    delete.executeUpdate();
  }
}
