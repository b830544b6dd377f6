package org.sundwerk.broker.entity;

import java.util.List;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * Retrieve Available Entity Types and Attributes (clause 5.7.5 to 5.7.10): what a tenant holds.
 * Rendering (plain lists or details) is the adapter's concern.
 */
public final class EntityDiscovery {

  private final EntityStore store;

  EntityDiscovery(EntityStore store) {
    this.store = store;
  }

  public List<TypeSummary> types(String tenant) {
    Tenants.requireExisting(store, tenant);
    return store.types(tenant);
  }

  public TypeSummary type(String tenant, String type) {
    return types(tenant).stream()
        .filter(t -> t.type().equals(type))
        .findFirst()
        .orElseThrow(() -> NgsiLdException.notFound("No entity has the type " + type));
  }

  public List<AttributeSummary> attributes(String tenant) {
    Tenants.requireExisting(store, tenant);
    return store.attributes(tenant);
  }

  public AttributeSummary attribute(String tenant, String name) {
    return attributes(tenant).stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow(() -> NgsiLdException.notFound("No entity has the attribute " + name));
  }
}
