package org.sundwerk.broker.temporal;

import java.time.Clock;
import org.sundwerk.broker.entity.Commits;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Attribute;

/** Modify Attribute Instance in Temporal Representation of an Entity (clause 5.6.15). */
public final class ModifyAttributeInstance {

  private final TemporalStore store;
  private final Clock clock;

  ModifyAttributeInstance(TemporalStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void handle(
      String tenant, String id, String attribute, String instanceId, Attribute replacement) {
    boolean found =
        Commits.await(
            store.modifyInstance(tenant, id, attribute, instanceId, replacement, clock.instant()));
    if (!found) {
      throw NgsiLdException.notFound(
          "Entity " + id + " has no instance " + instanceId + " of attribute " + attribute);
    }
  }
}
