package org.sundwerk.broker.entity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.sundwerk.broker.store.EntityMutation;
import org.sundwerk.broker.store.EntityStore;
import org.sundwerk.ngsild.error.ErrorType;
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

  EntityStore store() {
    return store;
  }

  /** Now, at the millisecond precision that the platform stores and prints. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  <R> CompletableFuture<R> submit(String tenant, String id, EntityMutation<R> mutation) {
    return store.write(tenant, id, mutation);
  }

  /** Waits for a submitted write and unwraps its NGSI-LD error, if any. */
  static <R> R await(CompletableFuture<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NgsiLdException(ErrorType.INTERNAL_ERROR, "Interrupted while writing", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  static NgsiLdException unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof NgsiLdException ngsi) {
      return ngsi;
    }
    return new NgsiLdException(ErrorType.INTERNAL_ERROR, "Write failed: " + cause, cause);
  }

  static Entity existing(Optional<Entity> current, String id) {
    return current.orElseThrow(() -> NgsiLdException.notFound("Entity " + id + " does not exist"));
  }
}
