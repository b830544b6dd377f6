package org.sundwerk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.ngsild.model.Entity;

/**
 * The entity rows a writer batch changes, collected in Java and then written with one statement
 * execution per kind ({@link #flush}): a batch of a thousand upserts costs a few round trips to
 * PostgreSQL instead of several per entity. Several writes of one entity in the batch collapse into
 * one row write (its state before the batch against its state after). Confined to the writer
 * thread.
 */
final class EntityWrites {

  /** An entity of a tenant. */
  record Key(String tenant, String id) {}

  /** A stored entity with its internal key. */
  record Stored(long pk, Entity entity) {}

  private static final class Write {
    final Key key;
    final Optional<Stored> before;
    Optional<Entity> after = Optional.empty();
    String document;

    Write(Key key, Optional<Stored> before) {
      this.key = key;
      this.before = before;
    }
  }

  private final Map<Key, Write> writes = new LinkedHashMap<>();
  private final List<String> newTenants = new ArrayList<>();

  /**
   * Reads the stored state of {@code keys} with one statement per tenant; absent keys map to empty.
   */
  static Map<Key, Optional<Stored>> load(
      StatementCache statements, SqlDialect dialect, Collection<Key> keys) throws SQLException {
    Map<String, List<String>> idsByTenant = new LinkedHashMap<>();
    Map<Key, Optional<Stored>> stored = new HashMap<>();
    for (Key key : keys) {
      if (stored.putIfAbsent(key, Optional.empty()) == null) {
        idsByTenant.computeIfAbsent(key.tenant(), t -> new ArrayList<>()).add(key.id());
      }
    }
    PreparedStatement load =
        statements.prepare(
            "SELECT id, pk, "
                + dialect.documentText("doc")
                + " FROM entity WHERE tenant = ? AND "
                + dialect.inTexts("id"));
    for (Map.Entry<String, List<String>> tenant : idsByTenant.entrySet()) {
      load.setString(1, tenant.getKey());
      dialect.bindTexts(load, 2, tenant.getValue());
      try (ResultSet row = load.executeQuery()) {
        while (row.next()) {
          stored.put(
              new Key(tenant.getKey(), row.getString(1)),
              Optional.of(new Stored(row.getLong(2), StoredEntityCodec.decode(row.getString(3)))));
        }
      }
    }
    return stored;
  }

  /** Whether the batch wrote the entity; then {@link #written} is its state. */
  boolean wrote(Key key) {
    return writes.containsKey(key);
  }

  /** The entity after this batch's writes of it, empty if deleted or never written. */
  Optional<Entity> written(Key key) {
    Write write = writes.get(key);
    return write == null ? Optional.empty() : write.after;
  }

  /** Stores {@code entity} (encoded as {@code document}); {@code before} is its stored state. */
  void put(Key key, Optional<Stored> before, Entity entity, String document) {
    Write write = writes.computeIfAbsent(key, k -> new Write(k, before));
    write.after = Optional.of(entity);
    write.document = document;
  }

  /** Deletes the entity; {@code before} is its stored state. */
  void delete(Key key, Optional<Stored> before) {
    Write write = writes.computeIfAbsent(key, k -> new Write(k, before));
    write.after = Optional.empty();
    write.document = null;
  }

  /** Tenants the last {@link #flush} created rows for. */
  List<String> newTenants() {
    return newTenants;
  }

  /**
   * Writes the entity rows and their side tables, one JDBC batch per statement, inside the writer's
   * transaction; new entities get their keys in one statement ({@link SqlDialect#allocateKeys}).
   *
   * @param knownTenants tenants whose row surely exists
   * @return the stored state of each written entity after the batch
   */
  Map<Key, Optional<Stored>> flush(
      StatementCache statements, SqlDialect dialect, Set<String> knownTenants) throws SQLException {
    List<Write> inserts = new ArrayList<>();
    List<Write> updates = new ArrayList<>();
    List<Write> deletes = new ArrayList<>();
    Set<String> tenants = new LinkedHashSet<>();
    for (Write write : writes.values()) {
      if (write.before.isEmpty() && write.after.isPresent()) {
        inserts.add(write);
        if (!knownTenants.contains(write.key.tenant())) {
          tenants.add(write.key.tenant());
        }
      } else if (write.before.isPresent()) {
        (write.after.isPresent() ? updates : deletes).add(write);
      }
    }
    insertTenants(statements, tenants);
    List<Long> keys =
        inserts.isEmpty() ? List.of() : dialect.allocateKeys(statements, "entity", inserts.size());
    Map<Key, Optional<Stored>> after = new HashMap<>();
    List<IndexWriter.Change> index = new ArrayList<>();
    for (int i = 0; i < inserts.size(); i++) {
      Write write = inserts.get(i);
      index.add(
          new IndexWriter.Change(
              write.key.tenant(),
              keys.get(i),
              Optional.empty(),
              Optional.of(IndexRows.of(write.after.get()))));
      after.put(write.key, Optional.of(new Stored(keys.get(i), write.after.get())));
    }
    for (Write write : updates) {
      long pk = write.before.get().pk();
      index.add(
          new IndexWriter.Change(
              write.key.tenant(),
              pk,
              Optional.of(IndexRows.of(write.before.get().entity())),
              Optional.of(IndexRows.of(write.after.get()))));
      after.put(write.key, Optional.of(new Stored(pk, write.after.get())));
    }
    for (Write write : deletes) {
      index.add(
          new IndexWriter.Change(
              write.key.tenant(),
              write.before.get().pk(),
              Optional.of(IndexRows.of(write.before.get().entity())),
              Optional.empty()));
      after.put(write.key, Optional.empty());
    }
    IndexWriter.deleteOld(statements, dialect, index);
    deleteRows(statements, deletes);
    insertRows(statements, dialect, inserts, keys);
    updateRows(statements, dialect, updates);
    IndexWriter.insertNew(statements, dialect, index);
    newTenants.addAll(tenants);
    return after;
  }

  private static void insertTenants(StatementCache statements, Set<String> tenants)
      throws SQLException {
    statements.executeBatch(
        "INSERT INTO tenant (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
        tenants,
        (insert, tenant) -> insert.setString(1, tenant));
  }

  private static void deleteRows(StatementCache statements, List<Write> deletes)
      throws SQLException {
    statements.executeBatch(
        "DELETE FROM entity WHERE pk = ?",
        deletes,
        (delete, write) -> delete.setLong(1, write.before.get().pk()));
  }

  /** A new entity's write with the key it was given. */
  private record Insert(long pk, Write write) {}

  private static void insertRows(
      StatementCache statements, SqlDialect dialect, List<Write> inserts, List<Long> keys)
      throws SQLException {
    List<Insert> rows = new ArrayList<>(inserts.size());
    for (int i = 0; i < inserts.size(); i++) {
      rows.add(new Insert(keys.get(i), inserts.get(i)));
    }
    statements.executeBatch(
        "INSERT INTO entity (pk, tenant, id, doc, created_at, modified_at)"
            + dialect.explicitKey()
            + " VALUES (?, ?, ?, "
            + dialect.documentParameter()
            + ", ?, ?)",
        rows,
        (insert, row) -> {
          insert.setLong(1, row.pk());
          insert.setString(2, row.write().key.tenant());
          insert.setString(3, row.write().key.id());
          insert.setString(4, row.write().document);
          bindTimes(insert, 5, row.write().after.get());
        });
  }

  private static void updateRows(StatementCache statements, SqlDialect dialect, List<Write> updates)
      throws SQLException {
    statements.executeBatch(
        "UPDATE entity SET doc = "
            + dialect.documentParameter()
            + ", created_at = ?, modified_at = ? WHERE pk = ?",
        updates,
        (update, write) -> {
          update.setString(1, write.document);
          bindTimes(update, 2, write.after.get());
          update.setLong(4, write.before.get().pk());
        });
  }

  private static void bindTimes(PreparedStatement statement, int first, Entity entity)
      throws SQLException {
    statement.setString(
        first, entity.createdAt() == null ? null : StoredEntityCodec.format(entity.createdAt()));
    statement.setString(
        first + 1,
        entity.modifiedAt() == null ? null : StoredEntityCodec.format(entity.modifiedAt()));
  }
}
