package org.sundwerk.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an API key may be used for, on top of what its owner may do: tenants, operations and entity
 * types (expanded IRIs). An empty tenant or type set means "no narrowing"; the key still never
 * exceeds its owner's rights. Operations must be named. {@code requestsPerMinute} narrows the rate
 * its owner's tier allows (a data product's promise); empty: the tier's rate alone.
 */
public record KeyScope(
    Set<TenantId> tenants,
    Set<Operation> operations,
    Set<String> entityTypes,
    Optional<Integer> requestsPerMinute) {

  public KeyScope {
    tenants = Set.copyOf(tenants);
    operations = Set.copyOf(operations);
    entityTypes = Set.copyOf(entityTypes);
    Objects.requireNonNull(requestsPerMinute, "requestsPerMinute");
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("a key scope names at least one operation");
    }
    if (requestsPerMinute.filter(rate -> rate < 1).isPresent()) {
      throw new IllegalArgumentException("a key's rate limit allows at least 1 request a minute");
    }
  }

  /** A scope without a rate limit of its own. */
  public KeyScope(Set<TenantId> tenants, Set<Operation> operations, Set<String> entityTypes) {
    this(tenants, operations, entityTypes, Optional.empty());
  }

  /** Everything the owner may do: the bootstrap key of the platform operator. */
  public static KeyScope everything() {
    return new KeyScope(Set.of(), EnumSet.allOf(Operation.class), Set.of());
  }

  public boolean coversTenant(TenantId tenant) {
    return tenants.isEmpty() || tenants.contains(tenant);
  }

  public boolean coversType(String entityType) {
    return entityTypes.isEmpty() || entityTypes.contains(entityType);
  }
}
