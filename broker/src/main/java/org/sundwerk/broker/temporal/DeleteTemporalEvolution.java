package org.sundwerk.broker.temporal;

import org.sundwerk.broker.entity.Commits;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * Delete Temporal Representation of an Entity (clause 5.6.13), of an Attribute (5.6.14) and of one
 * Attribute Instance (5.6.16).
 */
public final class DeleteTemporalEvolution {

  private final TemporalStore store;

  DeleteTemporalEvolution(TemporalStore store) {
    this.store = store;
  }

  public void entity(String tenant, String id) {
    if (!Commits.await(store.deleteEntity(tenant, id))) {
      throw NgsiLdException.notFound("Entity " + id + " has no temporal representation");
    }
  }

  public void attribute(String tenant, String id, String attribute) {
    if (!Commits.await(store.deleteAttribute(tenant, id, attribute))) {
      throw NgsiLdException.notFound("Entity " + id + " has no history of " + attribute);
    }
  }

  public void instance(String tenant, String id, String attribute, String instanceId) {
    if (!Commits.await(store.deleteInstance(tenant, id, attribute, instanceId))) {
      throw NgsiLdException.notFound(
          "Entity " + id + " has no instance " + instanceId + " of attribute " + attribute);
    }
  }
}
