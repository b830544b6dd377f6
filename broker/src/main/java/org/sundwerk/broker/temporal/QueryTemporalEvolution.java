package org.sundwerk.broker.temporal;

import java.util.List;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.entity.EntityStore;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Entity;

/**
 * Query Temporal Evolution of Entities (clause 5.7.4). Type, id and idPattern select temporal
 * entities; {@code q} is evaluated on the entities' current state (the entity store pages then), so
 * an entity deleted from the current state is not found by {@code q}.
 */
public final class QueryTemporalEvolution {

  private final TemporalStore store;
  private final EntityStore entities;
  private final int maxLimit;

  QueryTemporalEvolution(TemporalStore store, EntityStore entities, int maxLimit) {
    this.store = store;
    this.entities = entities;
    this.maxLimit = maxLimit;
  }

  public List<TemporalEntity> handle(
      String tenant, TemporalSelection selection, TimeFilter filter) {
    return store.instances(tenant, ids(tenant, selection, filter), filter);
  }

  public List<AggregatedEntity> aggregated(
      String tenant, TemporalSelection selection, TimeFilter filter, Aggregation aggregation) {
    return store.aggregate(tenant, ids(tenant, selection, filter), filter, aggregation);
  }

  private List<String> ids(String tenant, TemporalSelection selection, TimeFilter filter) {
    if (selection.limit() < 1 || selection.offset() < 0) {
      throw NgsiLdException.badRequestData("limit must be positive and offset not negative");
    }
    if (selection.limit() > maxLimit) {
      throw new NgsiLdException(
          ErrorType.TOO_MANY_RESULTS,
          "limit " + selection.limit() + " is above the maximum of " + maxLimit);
    }
    if (!selection.selective() && filter.attrs().isEmpty()) {
      throw NgsiLdException.badRequestData(
          "A temporal query needs at least one of type, id, idPattern, attrs or q");
    }
    TemporalTenants.requireExisting(entities, tenant);
    if (!selection.onCurrentState()) {
      return store.select(tenant, selection, filter.attrs());
    }
    EntityQuery current =
        new EntityQuery(
            selection.type(),
            selection.ids(),
            selection.idPattern(),
            selection.q(),
            selection.scopeQ(),
            selection.geoQ(),
            filter.attrs(),
            selection.limit(),
            selection.offset(),
            false);
    return entities.query(tenant, current).entities().stream().map(Entity::id).toList();
  }
}
