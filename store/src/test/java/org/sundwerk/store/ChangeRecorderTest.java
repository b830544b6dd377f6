package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sundwerk.store.TestEntities.entity;
import static org.sundwerk.store.TestEntities.integer;
import static org.sundwerk.store.TestEntities.urn;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
        JdbcEntityStore store =
            new JdbcEntityStore(db, List.of((c, d, change, document) -> changes.add(change)))) {
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
    ChangeRecorder failsForB =
        (connection, dialect, change, document) -> {
          if (change.entityId().equals(urn("b"))) {
            throw new IllegalStateException("outbox full");
          }
        };
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
}
