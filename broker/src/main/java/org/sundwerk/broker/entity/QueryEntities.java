package org.sundwerk.broker.entity;

import org.sundwerk.broker.paging.Page;
import org.sundwerk.ngsild.model.Entity;

/** Query Entities (clause 5.7.2), for GET /entities and POST /entityOperations/query. */
public final class QueryEntities {

  private final EntityStore store;
  private final int maxLimit;

  /**
   * @param maxLimit the largest page a client may ask for; larger requests get TooManyResults
   */
  QueryEntities(EntityStore store, int maxLimit) {
    this.store = store;
    this.maxLimit = maxLimit;
  }

  public Page<Entity> handle(String tenant, EntityQuery query) {
    query.paging().check(maxLimit);
    query.requireSelective();
    Tenants.requireExisting(store, tenant);
    return store.query(tenant, query);
  }
}
