package org.sundwerk.broker.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.sundwerk.ngsild.model.Entity;

/**
 * The batch entity operations (clause 5.6.7 to 5.6.10 and 5.6.20): each entity runs the same
 * mutation as its single-entity operation. All writes are submitted at once so that the store can
 * commit them in a few group commits; each entity succeeds or fails on its own.
 */
public final class BatchOperations {

  private final Writes writes;
  private final CreateEntity create;
  private final ReplaceEntity replace;
  private final AppendAttributes append;
  private final MergeEntity merge;
  private final DeleteEntity delete;

  BatchOperations(
      Writes writes,
      CreateEntity create,
      ReplaceEntity replace,
      AppendAttributes append,
      MergeEntity merge,
      DeleteEntity delete) {
    this.writes = writes;
    this.create = create;
    this.replace = replace;
    this.append = append;
    this.merge = merge;
    this.delete = delete;
  }

  public BatchResult create(String tenant, List<Entity> entities) {
    return run(tenant, entities, Entity::id, create::mutation);
  }

  /**
   * Creates missing entities; existing ones are replaced ({@code replace=true}, the default) or get
   * the given attributes appended and overwritten ({@code options=update}).
   */
  public BatchResult upsert(String tenant, List<Entity> entities, boolean replaceExisting) {
    return run(
        tenant,
        entities,
        Entity::id,
        entity ->
            current -> {
              if (current.isEmpty()) {
                return create.mutation(entity).apply(current);
              }
              return relabel(
                  replaceExisting
                      ? replace.mutation(entity).apply(current)
                      : append.mutation(entity.id(), entity.attributes(), false).apply(current),
                  false);
            });
  }

  /** Appends attributes to existing entities, keeping existing ones with {@code noOverwrite}. */
  public BatchResult update(String tenant, List<Entity> entities, boolean noOverwrite) {
    return run(
        tenant,
        entities,
        Entity::id,
        entity ->
            current ->
                relabel(
                    append.mutation(entity.id(), entity.attributes(), noOverwrite).apply(current),
                    false));
  }

  public BatchResult merge(String tenant, List<Entity> fragments) {
    return run(tenant, fragments, Entity::id, merge::mutation);
  }

  public BatchResult delete(String tenant, List<String> ids) {
    return run(tenant, ids, Function.identity(), delete::mutation);
  }

  /** The same outcome with {@code created} as its result. */
  private static EntityMutation.Outcome<Boolean> relabel(
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
  private <T> BatchResult run(
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
