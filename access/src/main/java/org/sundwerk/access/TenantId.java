package org.sundwerk.access;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant as the NGSI-LD API names it ({@code NGSILD-Tenant}); the empty name is the default
 * tenant of requests without the header. Same rule as the broker's tenant names.
 */
public record TenantId(String name) {

  // Before DEFAULT: static fields initialise in order, and DEFAULT's constructor uses it.
  private static final Pattern NAME = Pattern.compile("|[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}");

  /** The tenant of requests without an {@code NGSILD-Tenant} header. */
  public static final TenantId DEFAULT = new TenantId("");

  public TenantId {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a tenant name is 1-64 letters, digits, '_', '.', ':' or '-'");
    }
  }

  public static TenantId of(String name) {
    return new TenantId(name);
  }
}
