package org.sundwerk.broker.entity;

import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

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

  public QueryResult handle(String tenant, EntityQuery query) {
    if (query.limit() < 0 || query.offset() < 0) {
      throw NgsiLdException.badRequestData("limit and offset must not be negative");
    }
    if (query.limit() > maxLimit) {
      throw new NgsiLdException(
          ErrorType.TOO_MANY_RESULTS,
          "limit " + query.limit() + " is above the maximum of " + maxLimit + "; page with offset");
    }
    if (query.limit() == 0 && !query.count()) {
      throw NgsiLdException.badRequestData("limit=0 is only allowed together with count=true");
    }
    boolean selective =
        query.type().isPresent()
            || !query.ids().isEmpty()
            || query.idPattern().isPresent()
            || query.q().isPresent()
            || query.geoQ().isPresent()
            || query.scopeQ().isPresent()
            || !query.attrs().isEmpty();
    if (!selective) {
      throw NgsiLdException.badRequestData(
          "A query needs at least one of type, id, idPattern, attrs, q, geoQ or scopeQ");
    }
    Tenants.requireExisting(store, tenant);
    return store.query(tenant, query);
  }
}
