package org.sundwerk.broker.temporal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.sundwerk.broker.entity.Commits;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Attribute;

/**
 * Add Attributes to Temporal Representation of an Entity (clause 5.6.12): instances for an existing
 * temporal entity; the current state of the entity is not touched.
 */
public final class AddTemporalAttributes {

  private final TemporalStore store;
  private final Clock clock;

  AddTemporalAttributes(TemporalStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void handle(String tenant, String id, Map<String, List<Attribute>> instances) {
    if (instances.isEmpty()) {
      throw NgsiLdException.badRequestData("The body holds no attribute instances");
    }
    Commits.await(store.append(tenant, id, List.of(), instances, clock.instant()));
  }
}
