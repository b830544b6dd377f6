package org.sundwerk.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the side tables of the entities a batch changes, inside the writer's transaction, touching
 * only those whose content changed (a typical update changes values, not types, scopes or attribute
 * names). Each statement kind runs once per batch as a JDBC batch, whatever the number of entities.
 */
final class IndexWriter {

  /**
   * The side rows of one entity before and after a batch: {@code previous} empty for a new entity,
   * {@code rows} empty for a deleted one.
   */
  record Change(String tenant, long pk, Optional<IndexRows> previous, Optional<IndexRows> rows) {

    /** Whether the part {@code of} the rows must be written anew. */
    boolean changes(Function<IndexRows, Object> of) {
      return rows.isPresent()
          && (previous.isEmpty() || !of.apply(previous.get()).equals(of.apply(rows.get())));
    }

    /** Whether rows of the part {@code of} exist and must go first. */
    boolean replaces(Function<IndexRows, Object> of) {
      return previous.isPresent() && rows.isPresent() && changes(of);
    }
  }

  private IndexWriter() {}

  /**
   * Removes the rows that change or go away; runs before the entity rows of deleted entities are
   * deleted (the bounding boxes of SQLite's R*Tree do not cascade).
   */
  static void deleteOld(StatementCache statements, SqlDialect dialect, List<Change> changes)
      throws SQLException {
    deleteRows(statements, "entity_type", changes, IndexRows::types);
    deleteRows(statements, "entity_scope", changes, IndexRows::scopes);
    deleteRows(statements, "entity_attribute", changes, IndexRows::attributes);
    List<SqlDialect.EntityBoxes> boxes = new ArrayList<>();
    for (Change change : changes) {
      boolean gone = change.rows().isEmpty();
      if (change.previous().isPresent()
          && !change.previous().get().boxes().isEmpty()
          && (gone || change.changes(IndexRows::boxes))) {
        boxes.add(
            new SqlDialect.EntityBoxes(
                change.tenant(), change.pk(), change.previous().get().boxes()));
      }
    }
    dialect.deleteBoxes(statements, boxes);
    // entity_type, entity_scope and entity_attribute rows of a deleted entity go with it (ON
    // DELETE CASCADE).
  }

  /** Inserts the rows of new entities and those that changed; after the entity rows exist. */
  static void insertNew(StatementCache statements, SqlDialect dialect, List<Change> changes)
      throws SQLException {
    insertValues(statements, "entity_type", "type", changes, IndexRows::types);
    insertValues(statements, "entity_scope", "scope", changes, IndexRows::scopes);
    List<Row<IndexRows.NameKind>> attributes = new ArrayList<>();
    List<SqlDialect.EntityBoxes> boxes = new ArrayList<>();
    for (Change change : changes) {
      if (change.changes(IndexRows::attributes)) {
        change.rows().get().attributes().forEach(a -> attributes.add(new Row<>(change, a)));
      }
      if (change.changes(IndexRows::boxes) && !change.rows().get().boxes().isEmpty()) {
        boxes.add(
            new SqlDialect.EntityBoxes(change.tenant(), change.pk(), change.rows().get().boxes()));
      }
    }
    statements.executeBatch(
        "INSERT INTO entity_attribute (tenant, entity_pk, name, kind) VALUES (?, ?, ?, ?)",
        attributes,
        (insert, row) -> {
          insert.setString(1, row.change().tenant());
          insert.setLong(2, row.change().pk());
          insert.setString(3, row.value().name());
          insert.setString(4, row.value().kind());
        });
    dialect.insertBoxes(statements, boxes);
  }

  /** One side row of an entity. */
  private record Row<T>(Change change, T value) {}

  private static void insertValues(
      StatementCache statements,
      String table,
      String column,
      List<Change> changes,
      Function<IndexRows, Collection<String>> of)
      throws SQLException {
    List<Row<String>> rows = new ArrayList<>();
    for (Change change : changes) {
      if (change.changes(of::apply)) {
        of.apply(change.rows().get()).forEach(value -> rows.add(new Row<>(change, value)));
      }
    }
    statements.executeBatch(
        "INSERT INTO " + table + " (tenant, entity_pk, " + column + ") VALUES (?, ?, ?)",
        rows,
        (insert, row) -> {
          insert.setString(1, row.change().tenant());
          insert.setLong(2, row.change().pk());
          insert.setString(3, row.value());
        });
  }

  private static void deleteRows(
      StatementCache statements, String table, List<Change> changes, Function<IndexRows, Object> of)
      throws SQLException {
    statements.executeBatch(
        "DELETE FROM " + table + " WHERE entity_pk = ?",
        changes.stream().filter(change -> change.replaces(of)).toList(),
        (delete, change) -> delete.setLong(1, change.pk()));
  }
}
