package org.sundwerk.broker.entity;

/** Delete Entity (clause 5.6.6): ResourceNotFound if it does not exist. */
public final class DeleteEntity {

  private final Writes writes;

  DeleteEntity(Writes writes) {
    this.writes = writes;
  }

  public void handle(String tenant, String id) {
    Commits.await(writes.submit(tenant, id, mutation(id)));
  }

  EntityMutation<Boolean> mutation(String id) {
    return current -> {
      Writes.existing(current, id);
      return new EntityMutation.Delete<>(false);
    };
  }
}
