package org.sundwerk.broker.entity;

import java.util.Optional;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Entity;

/** Create Entity (clause 5.6.1): fails with AlreadyExists if the id is taken. */
public final class CreateEntity {

  private final Writes writes;

  CreateEntity(Writes writes) {
    this.writes = writes;
  }

  public void handle(String tenant, Entity entity) {
    Commits.await(writes.submit(tenant, entity.id(), mutation(entity)));
  }

  EntityMutation<Boolean> mutation(Entity entity) {
    return current -> {
      if (current.isPresent()) {
        throw NgsiLdException.alreadyExists("Entity " + entity.id() + " already exists");
      }
      return new EntityMutation.Put<>(Stamps.stamp(entity, Optional.empty(), writes.now()), true);
    };
  }
}
