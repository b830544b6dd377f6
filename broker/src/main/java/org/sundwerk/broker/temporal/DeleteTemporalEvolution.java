package org.sundwerk.broker.temporal;

import org.sundwerk.broker.entity.Commits;
import org.sundwerk.ngsild.error.NgsiLdException;

/** Delete Temporal Representation of an Entity (clause 5.6.13). */
public final class DeleteTemporalEvolution {

  private final TemporalStore store;

  DeleteTemporalEvolution(TemporalStore store) {
    this.store = store;
  }

  public void handle(String tenant, String id) {
    if (!Commits.await(store.deleteEntity(tenant, id))) {
      throw NgsiLdException.notFound("Entity " + id + " has no temporal representation");
    }
  }
}
