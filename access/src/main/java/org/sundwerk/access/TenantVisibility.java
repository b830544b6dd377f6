package org.sundwerk.access;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The declared visibility of one tenant: whether anonymous clients may read its public entity types
 * at all, the level of types it does not declare, and the declared types (expanded IRIs).
 */
public record TenantVisibility(
    boolean anonymousRead, Level undeclaredTypes, Map<String, TypeVisibility> types) {

  /** What a city chooses unless it says otherwise: open data, readable without an account. */
  public static final TenantVisibility OPEN = new TenantVisibility(true, Level.PUBLIC, Map.of());

  public TenantVisibility {
    Objects.requireNonNull(undeclaredTypes, "undeclaredTypes");
    types = Map.copyOf(types);
  }

  public TenantVisibility withType(String type, TypeVisibility visibility) {
    Map<String, TypeVisibility> copy = new HashMap<>(types);
    copy.put(type, visibility);
    return new TenantVisibility(anonymousRead, undeclaredTypes, copy);
  }

  public TenantVisibility withAnonymousRead(boolean allowed) {
    return new TenantVisibility(allowed, undeclaredTypes, types);
  }

  public TypeVisibility type(String type) {
    TypeVisibility declared = types.get(type);
    return declared != null ? declared : TypeVisibility.of(undeclaredTypes);
  }
}
