package org.sundwerk.broker.entity;

import org.sundwerk.ngsild.model.Entity;

/** Replace Entity (clause 5.6.18, PUT): all attributes replaced, createdAt kept. */
public final class ReplaceEntity {

  private final Writes writes;

  ReplaceEntity(Writes writes) {
    this.writes = writes;
  }

  public void handle(String tenant, Entity entity) {
    Commits.await(writes.submit(tenant, entity.id(), mutation(entity)));
  }

  EntityMutation<Boolean> mutation(Entity entity) {
    return current -> {
      Writes.existing(current, entity.id());
      return new EntityMutation.Put<>(Stamps.stamp(entity, current, writes.now()), false);
    };
  }
}
