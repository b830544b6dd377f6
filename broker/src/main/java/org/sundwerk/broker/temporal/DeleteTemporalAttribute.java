package org.sundwerk.broker.temporal;

import org.sundwerk.broker.entity.Commits;
import org.sundwerk.ngsild.error.NgsiLdException;

/** Delete Attribute from Temporal Representation of an Entity (clause 5.6.14). */
public final class DeleteTemporalAttribute {

  private final TemporalStore store;

  DeleteTemporalAttribute(TemporalStore store) {
    this.store = store;
  }

  public void handle(String tenant, String id, String attribute) {
    if (!Commits.await(store.deleteAttribute(tenant, id, attribute))) {
      throw NgsiLdException.notFound("Entity " + id + " has no history of " + attribute);
    }
  }
}
