package org.sundwerk.broker.temporal;

import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.entity.EntityStore;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.ngsild.model.Entity;

/**
 * Query Temporal Evolution of Entities (clause 5.7.4). Type, id, idPattern and attrs select
 * temporal entities; {@code q}, {@code scopeQ} and {@code geoQ} are evaluated on the entities'
 * current state (the entity store pages then), so an entity deleted from the current state is not
 * found by them.
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

  public Page<TemporalEntity> handle(String tenant, EntityQuery query, TimeFilter filter) {
    Page<String> ids = ids(tenant, query);
    return ids.withItems(store.instances(tenant, ids.items(), filter));
  }

  public Page<AggregatedEntity> aggregated(
      String tenant, EntityQuery query, TimeFilter filter, Aggregation aggregation) {
    Page<String> ids = ids(tenant, query);
    return ids.withItems(store.aggregate(tenant, ids.items(), filter, aggregation));
  }

  private Page<String> ids(String tenant, EntityQuery query) {
    query.paging().check(maxLimit);
    query.requireSelective();
    TemporalTenants.requireExisting(entities, tenant);
    if (!query.onCurrentState()) {
      return store.select(tenant, query);
    }
    Page<Entity> current = entities.query(tenant, query);
    return current.withItems(current.items().stream().map(Entity::id).toList());
  }
}
