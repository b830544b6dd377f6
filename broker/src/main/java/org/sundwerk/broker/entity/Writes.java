package org.sundwerk.broker.entity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Entity;

/** What every write handler shares: the store, the clock, and waiting for durable commits. */
final class Writes {

  private final EntityStore store;
  private final Clock clock;

  Writes(EntityStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Now, at the millisecond precision that the platform stores and prints. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  <R> CompletableFuture<R> submit(String tenant, String id, EntityMutation<R> mutation) {
    return store.write(tenant, id, mutation);
  }

  /** {@link #submit}, but at most once per {@code key} ({@link EntityStore#writeOnce}). */
  <R> CompletableFuture<R> submitOnce(
      String tenant, String id, String key, EntityMutation<R> mutation, R duplicate) {
    return store.writeOnce(tenant, id, key, mutation, duplicate);
  }

  static Entity existing(Optional<Entity> current, String id) {
    return current.orElseThrow(() -> NgsiLdException.notFound("Entity " + id + " does not exist"));
  }
}
