package org.sundwerk.broker.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What the batch entity operations (clause 5.6.7 to 5.6.10 and 5.6.20) share: each entity runs the
 * same mutation as its single-entity operation. All writes are submitted at once so that the store
 * can commit them in a few group commits; each entity succeeds or fails on its own.
 */
final class Batches {

  private Batches() {}

  /** The same outcome with {@code created} as its result. */
  static EntityMutation.Outcome<Boolean> relabel(
      EntityMutation.Outcome<?> outcome, boolean created) {
    return switch (outcome) {
      case EntityMutation.Put<?> put -> new EntityMutation.Put<>(put.entity(), created);
      case EntityMutation.Delete<?> ignored -> new EntityMutation.Delete<>(created);
      case EntityMutation.Keep<?> ignored -> new EntityMutation.Keep<>(created);
    };
  }

  /**
   * Submits one mutation per item and collects the outcomes in input order. A mutation's result
   * {@code true} marks a created entity.
   */
  static <T> BatchResult run(
      Writes writes,
      String tenant,
      List<T> items,
      Function<T, String> idOf,
      Function<T, EntityMutation<Boolean>> mutationOf) {
    List<CompletableFuture<Boolean>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(writes.submit(tenant, idOf.apply(item), mutationOf.apply(item)));
    }
    List<String> success = new ArrayList<>();
    List<String> created = new ArrayList<>();
    List<BatchResult.BatchError> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String id = idOf.apply(items.get(i));
      try {
        if (Commits.await(futures.get(i))) {
          created.add(id);
        }
        success.add(id);
      } catch (org.sundwerk.ngsild.error.NgsiLdException e) {
        errors.add(new BatchResult.BatchError(id, e));
      }
    }
    return new BatchResult(success, created, errors);
  }
}
