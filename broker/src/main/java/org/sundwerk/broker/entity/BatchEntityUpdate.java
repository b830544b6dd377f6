package org.sundwerk.broker.entity;

import java.util.List;
import org.sundwerk.ngsild.model.Entity;

/** Batch Entity Update (clause 5.6.9): each entity as Append Entity Attributes. */
public final class BatchEntityUpdate {

  private final Writes writes;
  private final AppendAttributes append;

  BatchEntityUpdate(Writes writes, AppendAttributes append) {
    this.writes = writes;
    this.append = append;
  }

  /** Appends attributes to existing entities, keeping existing ones with {@code noOverwrite}. */
  public BatchResult handle(String tenant, List<Entity> entities, boolean noOverwrite) {
    return Batches.run(
        writes,
        tenant,
        entities,
        Entity::id,
        entity ->
            current ->
                Batches.relabel(
                    append.mutation(entity.id(), entity.attributes(), noOverwrite).apply(current),
                    false));
  }
}
