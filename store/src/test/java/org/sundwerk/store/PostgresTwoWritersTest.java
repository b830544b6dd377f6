package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sundwerk.store.TestEntities.entity;
import static org.sundwerk.store.TestEntities.intValue;
import static org.sundwerk.store.TestEntities.integer;
import static org.sundwerk.store.TestEntities.urn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.broker.entity.EntityMutation;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Entity;

/**
 * Two nodes on one PostgreSQL database: two entity stores, each with its own writer, on one schema.
 * Read-modify-write operations of the two must not lose each other's updates, and two creates of
 * one entity must leave one created and the other answered AlreadyExists.
 */
class PostgresTwoWritersTest {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  private static final String TENANT = "";

  private StoreDatabase databaseA;
  private StoreDatabase databaseB;
  private JdbcEntityStore nodeA;
  private JdbcEntityStore nodeB;

  @BeforeEach
  void openTwoNodes() throws Exception {
    String url = server.newSchema();
    databaseA = server.open(url);
    databaseB = server.open(url);
    nodeA = new JdbcEntityStore(databaseA);
    nodeB = new JdbcEntityStore(databaseB);
  }

  @AfterEach
  void close() {
    nodeA.close();
    nodeB.close();
    databaseA.close();
    databaseB.close();
  }

  @Test
  void concurrentMergesOfDifferentAttributesFromTwoNodesKeepBoth() throws Exception {
    nodeA.write(TENANT, urn("e"), TestEntities.put(entity("e", "Counter", "a", integer(0)))).join();
    int increments = 300;
    List<CompletableFuture<Integer>> writes = new ArrayList<>();
    // Queued without waiting, so that each writer commits many increments per transaction and
    // the two transactions overlap.
    for (int i = 0; i < increments; i++) {
      writes.add(nodeA.write(TENANT, urn("e"), TestEntitiesMutations.increment("a")));
      writes.add(nodeB.write(TENANT, urn("e"), TestEntitiesMutations.increment("b")));
      writes.add(nodeA.write(TENANT, urn("e"), TestEntitiesMutations.increment("both")));
      writes.add(nodeB.write(TENANT, urn("e"), TestEntitiesMutations.increment("both")));
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

    for (JdbcEntityStore node : List.of(nodeA, nodeB)) {
      Entity stored = node.retrieve(TENANT, urn("e")).orElseThrow();
      assertThat(intValue(stored, "a")).contains(increments);
      assertThat(intValue(stored, "b")).contains(increments);
      assertThat(intValue(stored, "both")).contains(2 * increments);
    }
  }

  @Test
  void writesOnceByKeyFromTwoNodesRunEachKeyOnce() throws Exception {
    nodeA.write(TENANT, urn("e"), TestEntities.put(entity("e", "Counter", "n", integer(0)))).join();
    int keys = 200;
    List<CompletableFuture<Integer>> writes = new ArrayList<>();
    // Every key arrives at both nodes at once, as a webhook retried through a load balancer would.
    for (int i = 0; i < keys; i++) {
      for (JdbcEntityStore node : List.of(nodeA, nodeB)) {
        writes.add(
            node.writeOnce(TENANT, urn("e"), "k" + i, TestEntitiesMutations.increment("n"), -1));
      }
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

    assertThat(intValue(nodeA.retrieve(TENANT, urn("e")).orElseThrow(), "n")).contains(keys);
    assertThat(writes.stream().filter(w -> w.join() == -1)).as("copies").hasSize(keys);
  }

  @Test
  void concurrentCreatesOfOneEntityFromTwoNodesCreateItOnceAndAnswerAlreadyExists() {
    int rounds = 50;
    for (int round = 0; round < rounds; round++) {
      String id = urn("created-" + round);
      Entity a = entity("created-" + round, "Counter", "by", integer(1));
      Entity b = entity("created-" + round, "Counter", "by", integer(2));
      CompletableFuture<Integer> fromA = nodeA.write(TENANT, id, create(a));
      CompletableFuture<Integer> fromB = nodeB.write(TENANT, id, create(b));

      List<Object> outcomes = List.of(outcome(fromA), outcome(fromB));
      assertThat(outcomes).as("round " + round).containsOnlyOnce(ErrorType.ALREADY_EXISTS);
      int winner = outcomes.get(0) instanceof Integer value ? value : (Integer) outcomes.get(1);
      assertThat(intValue(nodeB.retrieve(TENANT, id).orElseThrow(), "by")).contains(winner);
    }
  }

  /** CreateEntity's rule: fails with AlreadyExists if the entity is there. */
  private static EntityMutation<Integer> create(Entity entity) {
    return current -> {
      if (current.isPresent()) {
        throw NgsiLdException.alreadyExists(entity.id() + " exists");
      }
      return new EntityMutation.Put<>(entity, intValue(entity, "by").orElseThrow());
    };
  }

  /** The write's result, or the error type it failed with (any other failure fails the test). */
  private static Object outcome(CompletableFuture<Integer> write) {
    try {
      return write.join();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(NgsiLdException.class);
      return ((NgsiLdException) e.getCause()).type();
    }
  }
}
