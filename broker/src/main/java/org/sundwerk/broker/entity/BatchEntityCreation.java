package org.sundwerk.broker.entity;

import java.util.List;
import org.sundwerk.ngsild.model.Entity;

/** Batch Entity Creation (clause 5.6.7): each entity as Create Entity. */
public final class BatchEntityCreation {

  private final Writes writes;
  private final CreateEntity create;

  BatchEntityCreation(Writes writes, CreateEntity create) {
    this.writes = writes;
    this.create = create;
  }

  public BatchResult handle(String tenant, List<Entity> entities) {
    return Batches.run(writes, tenant, entities, Entity::id, create::mutation);
  }
}
