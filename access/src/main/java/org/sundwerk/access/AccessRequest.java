package org.sundwerk.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a request wants, in the terms the decision needs. {@code entityTypes} are the expanded type
 * IRIs the request touches: the types of a query's {@code type} parameter, of the entities a write
 * changes, of a subscription's {@code entities}; empty when the request names none (a query over
 * all types), in which case a read is answered with the types the actor may see. {@code partner}
 * names the partner organisation whose business records a {@link Resource#SERVICES} request touches
 * (its services, offers, orders, members); empty when the request names none (the public catalog,
 * an application to become a partner, an order).
 */
public record AccessRequest(
    TenantId tenant,
    Operation operation,
    Resource resource,
    Set<String> entityTypes,
    Optional<PartnerId> partner) {

  public AccessRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(resource, "resource");
    entityTypes = Set.copyOf(entityTypes);
    Objects.requireNonNull(partner, "partner");
  }

  public AccessRequest(
      TenantId tenant, Operation operation, Resource resource, Set<String> entityTypes) {
    this(tenant, operation, resource, entityTypes, Optional.empty());
  }

  public static AccessRequest of(TenantId tenant, Operation operation, Resource resource) {
    return new AccessRequest(tenant, operation, resource, Set.of());
  }

  /**
   * A request on the business records of one partner organisation: reading needs a member of it
   * (any role) or an operator, writing a member who writes or an operator, {@link Operation#ADMIN}
   * (acts that bind the organisation) an owner of it.
   */
  public static AccessRequest ofPartner(TenantId tenant, Operation operation, PartnerId partner) {
    return new AccessRequest(tenant, operation, Resource.SERVICES, Set.of(), Optional.of(partner));
  }

  /** A request on entities of the given types. */
  public static AccessRequest entities(TenantId tenant, Operation operation, String... types) {
    return new AccessRequest(tenant, operation, Resource.ENTITIES, Set.of(types));
  }
}
