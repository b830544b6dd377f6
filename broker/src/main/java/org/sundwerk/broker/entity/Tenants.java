package org.sundwerk.broker.entity;

import java.util.Optional;
import java.util.regex.Pattern;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/** Tenant names (clause 4.14): the header value, or the default tenant when there is none. */
public final class Tenants {

  /** The tenant of requests without an {@code NGSILD-Tenant} header; it always exists. */
  public static final String DEFAULT = "";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}");

  private Tenants() {}

  /** Validates the header value; tenant names are short and safe in URLs and logs. */
  public static String of(Optional<String> header) {
    if (header.isEmpty() || header.get().isBlank()) {
      return DEFAULT;
    }
    String tenant = header.get().trim();
    if (!NAME.matcher(tenant).matches()) {
      throw NgsiLdException.badRequestData(
          "Tenant '" + tenant + "' must be 1-64 letters, digits, '_', '.', ':' or '-'");
    }
    return tenant;
  }

  /** Reads must not create tenants: an unknown one is an error (clause 5.5.2). */
  static void requireExisting(EntityStore store, String tenant) {
    if (!tenant.equals(DEFAULT) && !store.tenantExists(tenant)) {
      throw new NgsiLdException(
          ErrorType.NONEXISTENT_TENANT, "Tenant " + tenant + " does not exist");
    }
  }
}
