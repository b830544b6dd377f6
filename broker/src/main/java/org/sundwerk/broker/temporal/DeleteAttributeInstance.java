package org.sundwerk.broker.temporal;

import org.sundwerk.broker.entity.Commits;
import org.sundwerk.ngsild.error.NgsiLdException;

/** Delete Attribute Instance from Temporal Representation of an Entity (clause 5.6.16). */
public final class DeleteAttributeInstance {

  private final TemporalStore store;

  DeleteAttributeInstance(TemporalStore store) {
    this.store = store;
  }

  public void handle(String tenant, String id, String attribute, String instanceId) {
    if (!Commits.await(store.deleteInstance(tenant, id, attribute, instanceId))) {
      throw NgsiLdException.notFound(
          "Entity " + id + " has no instance " + instanceId + " of attribute " + attribute);
    }
  }
}
