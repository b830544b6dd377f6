package org.sundwerk.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an API key may be used for, on top of what its owner may do: tenants, operations and entity
 * types (expanded IRIs). An empty tenant or type set means "no narrowing"; the key still never
 * exceeds its owner's rights. Operations must be named.
 */
public record KeyScope(Set<TenantId> tenants, Set<Operation> operations, Set<String> entityTypes) {

  public KeyScope {
    tenants = Set.copyOf(tenants);
    operations = Set.copyOf(operations);
    entityTypes = Set.copyOf(entityTypes);
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("a key scope names at least one operation");
    }
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
