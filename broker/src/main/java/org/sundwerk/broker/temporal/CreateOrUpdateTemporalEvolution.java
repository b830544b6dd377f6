package org.sundwerk.broker.temporal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.sundwerk.broker.entity.Commits;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Attribute;

/**
 * Create or Update Temporal Representation of an Entity (clause 5.6.11). Instances go into the
 * temporal representation only; the current state of the entity is not touched.
 */
public final class CreateOrUpdateTemporalEvolution {

  private final TemporalStore store;
  private final Clock clock;

  CreateOrUpdateTemporalEvolution(TemporalStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The temporal entity with its types, created if needed; returns whether it was created. */
  public boolean handle(
      String tenant, String id, List<String> types, Map<String, List<Attribute>> instances) {
    if (types.isEmpty()) {
      throw NgsiLdException.badRequestData("A temporal entity needs a type");
    }
    return Commits.await(store.append(tenant, id, types, instances, clock.instant()));
  }
}
