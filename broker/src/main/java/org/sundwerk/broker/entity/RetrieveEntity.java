package org.sundwerk.broker.entity;

import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Entity;

/** Retrieve Entity (clause 5.7.1). Projection and format are the caller's rendering concern. */
public final class RetrieveEntity {

  private final EntityStore store;

  RetrieveEntity(EntityStore store) {
    this.store = store;
  }

  public Entity handle(String tenant, String id) {
    // The tenant is checked only on a miss, so the hot path costs one look-up.
    return store
        .retrieve(tenant, id)
        .orElseThrow(
            () -> {
              Tenants.requireExisting(store, tenant);
              return NgsiLdException.notFound("Entity " + id + " does not exist");
            });
  }
}
