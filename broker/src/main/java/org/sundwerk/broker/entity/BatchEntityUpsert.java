package org.sundwerk.broker.entity;

import java.util.List;
import org.sundwerk.ngsild.model.Entity;

/** Batch Entity Upsert (clause 5.6.8). */
public final class BatchEntityUpsert {

  private final Writes writes;
  private final CreateEntity create;
  private final ReplaceEntity replace;
  private final AppendAttributes append;

  BatchEntityUpsert(
      Writes writes, CreateEntity create, ReplaceEntity replace, AppendAttributes append) {
    this.writes = writes;
    this.create = create;
    this.replace = replace;
    this.append = append;
  }

  /**
   * Creates missing entities; existing ones are replaced ({@code replace=true}, the default) or get
   * the given attributes appended and overwritten ({@code options=update}).
   */
  public BatchResult handle(String tenant, List<Entity> entities, boolean replaceExisting) {
    return Batches.run(
        writes,
        tenant,
        entities,
        Entity::id,
        entity ->
            current -> {
              if (current.isEmpty()) {
                return create.mutation(entity).apply(current);
              }
              return Batches.relabel(
                  replaceExisting
                      ? replace.mutation(entity).apply(current)
                      : append.mutation(entity.id(), entity.attributes(), false).apply(current),
                  false);
            });
  }
}
