package org.sundwerk.access;

import java.util.Objects;
import java.util.Set;

/**
 * What a request wants, in the terms the decision needs. {@code entityTypes} are the expanded type
 * IRIs the request touches: the types of a query's {@code type} parameter, of the entities a write
 * changes, of a subscription's {@code entities}; empty when the request names none (a query over
 * all types), in which case a read is answered with the types the actor may see.
 */
public record AccessRequest(
    TenantId tenant, Operation operation, Resource resource, Set<String> entityTypes) {

  public AccessRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(resource, "resource");
    entityTypes = Set.copyOf(entityTypes);
  }

  public static AccessRequest of(TenantId tenant, Operation operation, Resource resource) {
    return new AccessRequest(tenant, operation, resource, Set.of());
  }

  /** A request on entities of the given types. */
  public static AccessRequest entities(TenantId tenant, Operation operation, String... types) {
    return new AccessRequest(tenant, operation, Resource.ENTITIES, Set.of(types));
  }
}
