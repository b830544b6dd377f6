package org.sundwerk.broker.temporal;

import java.util.List;
import org.sundwerk.broker.entity.EntityStore;
import org.sundwerk.ngsild.error.NgsiLdException;

/** Retrieve Temporal Evolution of an Entity (clause 5.7.3). */
public final class RetrieveTemporalEvolution {

  private final TemporalStore store;
  private final EntityStore entities;

  RetrieveTemporalEvolution(TemporalStore store, EntityStore entities) {
    this.store = store;
    this.entities = entities;
  }

  public TemporalEntity handle(String tenant, String id, TimeFilter filter) {
    List<TemporalEntity> found = store.instances(tenant, List.of(id), filter);
    if (found.isEmpty()) {
      throw missing(tenant, id);
    }
    return found.getFirst();
  }

  /** The aggregated representation (clause 4.5.19) of one entity. */
  public AggregatedEntity aggregated(
      String tenant, String id, TimeFilter filter, Aggregation aggregation) {
    List<AggregatedEntity> found = store.aggregate(tenant, List.of(id), filter, aggregation);
    if (found.isEmpty()) {
      throw missing(tenant, id);
    }
    return found.getFirst();
  }

  private NgsiLdException missing(String tenant, String id) {
    TemporalTenants.requireExisting(entities, tenant);
    return NgsiLdException.notFound("Entity " + id + " has no temporal representation");
  }
}
