package org.sundwerk.broker.temporal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.sundwerk.broker.entity.Commits;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Attribute;

/**
 * Create or Update Temporal Representation of an Entity (clause 5.6.11) and Add Attributes to it
 * (5.6.12). Instances go into the temporal representation only; the current state of the entity is
 * not touched.
 */
public final class AddTemporalInstances {

  private final TemporalStore store;
  private final Clock clock;

  AddTemporalInstances(TemporalStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Clause 5.6.11: the temporal entity with its types, created if needed; returns whether it was
   * created.
   */
  public boolean createOrUpdate(
      String tenant, String id, List<String> types, Map<String, List<Attribute>> instances) {
    if (types.isEmpty()) {
      throw NgsiLdException.badRequestData("A temporal entity needs a type");
    }
    return Commits.await(store.append(tenant, id, types, instances, clock.instant()));
  }

  /** Clause 5.6.12: instances for an existing temporal entity. */
  public void add(String tenant, String id, Map<String, List<Attribute>> instances) {
    if (instances.isEmpty()) {
      throw NgsiLdException.badRequestData("The body holds no attribute instances");
    }
    Commits.await(store.append(tenant, id, List.of(), instances, clock.instant()));
  }
}
