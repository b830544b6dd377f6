package org.sundwerk.broker.temporal;

import org.sundwerk.broker.entity.EntityStore;
import org.sundwerk.broker.entity.Tenants;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/** Reads must not create tenants; temporal writes register theirs in the same tenant table. */
final class TemporalTenants {

  private TemporalTenants() {}

  static void requireExisting(EntityStore entities, String tenant) {
    if (!tenant.equals(Tenants.DEFAULT) && !entities.tenantExists(tenant)) {
      throw new NgsiLdException(
          ErrorType.NONEXISTENT_TENANT, "Tenant " + tenant + " does not exist");
    }
  }
}
