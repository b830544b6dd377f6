package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sundwerk.store.TestEntities.entity;
import static org.sundwerk.store.TestEntities.integer;
import static org.sundwerk.store.TestEntities.put;
import static org.sundwerk.store.TestEntities.urn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.broker.entity.EntityQuery;

class JdbcEntityStoreLifecycleTest {

  private static final String TENANT = "urn:tenant:life";

  @TempDir Path directory;

  @Test
  void closeCommitsTheQueuedWritesAndRefusesNewOnes() {
    List<CompletableFuture<Boolean>> writes = new ArrayList<>();
    JdbcEntityStore store = new JdbcEntityStore(directory);
    for (int i = 0; i < 500; i++) {
      writes.add(
          store.write(TENANT, urn("q" + i), put(entity("q" + i, "Queued", "n", integer(i)))));
    }

    store.close();

    assertThat(writes).allMatch(w -> w.isDone() && !w.isCompletedExceptionally());
    assertThatThrownBy(() -> store.write(TENANT, urn("late"), put(entity("late", "Queued"))).join())
        .hasCauseInstanceOf(IllegalStateException.class);
    try (JdbcEntityStore reopened = new JdbcEntityStore(directory)) {
      assertThat(
              reopened
                  .query(
                      TENANT,
                      new EntityQuery(
                          java.util.Optional.empty(),
                          List.of(),
                          java.util.Optional.empty(),
                          java.util.Optional.empty(),
                          java.util.Optional.empty(),
                          java.util.Optional.empty(),
                          java.util.Set.of(),
                          new org.sundwerk.broker.paging.Paging(0, 0, true)))
                  .count())
          .hasValue(500);
    }
  }

  @Test
  void anErrorThrownByAMutationFailsOnlyThatWrite() {
    try (JdbcEntityStore store = new JdbcEntityStore(directory)) {
      CompletableFuture<Boolean> failing =
          store.write(
              TENANT,
              urn("a"),
              current -> {
                throw new AssertionError("broken mutation");
              });

      assertThatThrownBy(failing::join).hasCauseInstanceOf(AssertionError.class);
      assertThat(store.write(TENANT, urn("b"), put(entity("b", "After"))).join()).isFalse();
    }
  }

  @Test
  void storesShareOneDatabase() {
    try (StoreDatabase database = StoreDatabase.sqlite(directory)) {
      try (JdbcEntityStore entities = new JdbcEntityStore(database)) {
        JdbcContextStore contexts = new JdbcContextStore(database);
        entities.write(TENANT, urn("a"), put(entity("a", "Shared"))).join();
        contexts.save(
            new org.sundwerk.broker.context.StoredContext(
                "c", "http://x/c", "Hosted", "{}", java.time.Instant.EPOCH));

        assertThat(entities.retrieve(TENANT, urn("a"))).isPresent();
        assertThat(contexts.find("c")).isPresent();
      }
    }
  }
}
