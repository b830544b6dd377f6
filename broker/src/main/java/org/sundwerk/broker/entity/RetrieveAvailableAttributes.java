package org.sundwerk.broker.entity;

import java.util.List;

/**
 * Retrieve Available Attributes and their details (clauses 5.7.8, 5.7.9): what attributes a
 * tenant's entities have. Plain list or details is the adapter's rendering.
 */
public final class RetrieveAvailableAttributes {

  private final EntityStore store;

  RetrieveAvailableAttributes(EntityStore store) {
    this.store = store;
  }

  public List<AttributeSummary> handle(String tenant) {
    Tenants.requireExisting(store, tenant);
    return store.attributes(tenant);
  }
}
