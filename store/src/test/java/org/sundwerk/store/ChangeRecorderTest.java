package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sundwerk.store.TestEntities.entity;
import static org.sundwerk.store.TestEntities.integer;
import static org.sundwerk.store.TestEntities.urn;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.broker.entity.EntityChange;
import org.sundwerk.broker.entity.EntityMutation;
import org.sundwerk.ngsild.model.Entity;

/**
 * Change recorders run in the write transaction and see every change with its before and after. On
 * SQLite here, subclassed per backend.
 */
class ChangeRecorderTest {

  private static final String TENANT = "urn:tenant:rec";

  @TempDir Path directory;

  /** A fresh, empty database; SQLite here, overridden per backend. */
  StoreDatabase openDatabase() throws Exception {
    return StoreDatabase.sqlite(directory);
  }

  @Test
  void seesCreationUpdateAndDeletion() throws Exception {
    List<EntityChange> changes = new CopyOnWriteArrayList<>();
    try (StoreDatabase db = openDatabase();
        JdbcEntityStore store = new JdbcEntityStore(db, List.of(watching(changes::add)))) {
      Entity first = entity("a", "Room", "n", integer(1));
      Entity second = entity("a", "Room", "n", integer(2));
      store.write(TENANT, urn("a"), current -> new EntityMutation.Put<>(first, true)).get();
      store.write(TENANT, urn("a"), current -> new EntityMutation.Put<>(second, true)).get();
      store.write(TENANT, urn("a"), current -> new EntityMutation.Keep<>(true)).get();
      store.write(TENANT, urn("a"), current -> new EntityMutation.Delete<>(true)).get();
    }

    assertThat(changes).hasSize(3);
    assertThat(changes.get(0).created()).isTrue();
    assertThat(changes.get(1).before().orElseThrow().attributes())
        .isNotEqualTo(changes.get(1).after().orElseThrow().attributes());
    assertThat(changes.get(2).deleted()).isTrue();
  }

  @Test
  void aFailingRecorderRollsBackOnlyItsOwnWrite() throws Exception {
    ChangeRecorder<Void> failsForB =
        watching(
            change -> {
              if (change.entityId().equals(urn("b"))) {
                throw new IllegalStateException("outbox full");
              }
            });
    try (StoreDatabase db = openDatabase();
        JdbcEntityStore store = new JdbcEntityStore(db, List.of(failsForB))) {
      var a =
          store.write(TENANT, urn("a"), c -> new EntityMutation.Put<>(entity("a", "Room"), true));
      var b =
          store.write(TENANT, urn("b"), c -> new EntityMutation.Put<>(entity("b", "Room"), true));

      assertThat(a.get()).isTrue();
      assertThatThrownBy(b::get).hasRootCauseMessage("outbox full");
      assertThat(store.retrieve(TENANT, urn("a"))).isPresent();
      assertThat(store.retrieve(TENANT, urn("b"))).isEmpty();
    }
  }

  /**
   * The writer runs a batch without savepoints and, when a statement fails, runs it again one write
   * per savepoint: a write whose rows the database refuses (here a duplicate key a recorder
   * inserts) fails alone, and the other writes of its batch commit with their recorded rows.
   */
  @Test
  void aStatementFailingInABatchFailsOnlyItsOwnWrite() throws Exception {
    ChangeRecorder<String> duplicateKeyForB =
        new ChangeRecorder<>() {
          @Override
          public List<String> rowsOf(EntityChange change, Optional<String> afterDocument) {
            // The tenant's row exists once the first entity is stored: b inserts its name again.
            return List.of(
                change.entityId().equals(urn("b")) ? TENANT : "recorded " + change.entityId());
          }

          @Override
          public void write(StatementCache statements, SqlDialect dialect, List<String> rows)
              throws SQLException {
            PreparedStatement insert = statements.prepare("INSERT INTO tenant (name) VALUES (?)");
            for (String row : rows) {
              insert.setString(1, row);
              insert.addBatch();
            }
            insert.executeBatch();
          }
        };
    try (StoreDatabase db = openDatabase();
        JdbcEntityStore store = new JdbcEntityStore(db, List.of(duplicateKeyForB))) {
      store
          .write(TENANT, urn("first"), c -> new EntityMutation.Put<>(entity("first", "Room"), true))
          .get();
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      var gate =
          store.write(
              TENANT,
              urn("gate"),
              c -> {
                holding.countDown();
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return new EntityMutation.Keep<>(true);
              });
      holding.await();
      List<CompletableFuture<Boolean>> writes = new ArrayList<>();
      for (String id : List.of("a", "b", "c")) {
        writes.add(
            store.write(TENANT, urn(id), c -> new EntityMutation.Put<>(entity(id, "Room"), true)));
      }
      release.countDown();
      gate.get();

      assertThat(writes.get(0).get()).isTrue();
      assertThatThrownBy(writes.get(1)::get).hasRootCauseInstanceOf(SQLException.class);
      assertThat(writes.get(2).get()).isTrue();
      assertThat(store.retrieve(TENANT, urn("a"))).isPresent();
      assertThat(store.retrieve(TENANT, urn("b"))).isEmpty();
      assertThat(store.retrieve(TENANT, urn("c"))).isPresent();
      assertThat(recorded(db))
          .containsExactly(
              "recorded " + urn("a"), "recorded " + urn("c"), "recorded " + urn("first"));
    }
  }

  private static List<String> recorded(StoreDatabase db) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = db.readPool().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT name FROM tenant WHERE name LIKE 'recorded %' ORDER BY name");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  /** A recorder that only looks at each change and writes nothing. */
  private static ChangeRecorder<Void> watching(Consumer<EntityChange> watcher) {
    return new ChangeRecorder<>() {
      @Override
      public List<Void> rowsOf(EntityChange change, Optional<String> afterDocument) {
        watcher.accept(change);
        return List.of();
      }

      @Override
      public void write(StatementCache statements, SqlDialect dialect, List<Void> rows) {}
    };
  }
}
