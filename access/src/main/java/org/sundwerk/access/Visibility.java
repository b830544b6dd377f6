package org.sundwerk.access;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The declared visibility of every tenant (configuration, read at start): tenants it does not name
 * get {@code otherTenants}, by default {@link TenantVisibility#OPEN}.
 */
public record Visibility(Map<TenantId, TenantVisibility> tenants, TenantVisibility otherTenants) {

  /** Every tenant open: anonymous reads everything, as the broker did before accounts. */
  public static final Visibility OPEN = new Visibility(Map.of(), TenantVisibility.OPEN);

  public Visibility {
    tenants = Map.copyOf(tenants);
    Objects.requireNonNull(otherTenants, "otherTenants");
  }

  public Visibility withTenant(TenantId tenant, TenantVisibility visibility) {
    Map<TenantId, TenantVisibility> copy = new HashMap<>(tenants);
    copy.put(tenant, visibility);
    return new Visibility(copy, otherTenants);
  }

  public TenantVisibility of(TenantId tenant) {
    return tenants.getOrDefault(tenant, otherTenants);
  }
}
