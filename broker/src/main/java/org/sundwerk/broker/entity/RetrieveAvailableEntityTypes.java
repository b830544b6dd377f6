package org.sundwerk.broker.entity;

import java.util.List;

/**
 * Retrieve Available Entity Types and their details (clauses 5.7.5, 5.7.6): what types a tenant
 * holds. Plain list or details is the adapter's rendering.
 */
public final class RetrieveAvailableEntityTypes {

  private final EntityStore store;

  RetrieveAvailableEntityTypes(EntityStore store) {
    this.store = store;
  }

  public List<TypeSummary> handle(String tenant) {
    Tenants.requireExisting(store, tenant);
    return store.types(tenant);
  }
}
