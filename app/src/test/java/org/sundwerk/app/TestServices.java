package org.sundwerk.app;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.Text;
import org.sundwerk.business.catalog.Category;
import org.sundwerk.business.catalog.Channel;
import org.sundwerk.business.catalog.Season;
import org.sundwerk.business.catalog.ServiceDraft;
import org.sundwerk.business.catalog.ServiceId;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.catalog.TargetGroup;

/** Catalog services for tests that sell something: a partner offers only its own services. */
public final class TestServices {

  private TestServices() {}

  /** A new service of {@code provider} in {@code tenant}'s catalog; returns its id. */
  public static String of(Services services, TenantId tenant, String provider) {
    return of(services, tenant, provider, "dienst-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** The service {@code id} of {@code provider} in {@code tenant}'s catalog; returns its id. */
  public static String of(Services services, TenantId tenant, String provider, String id) {
    services.create(
        tenant,
        new ServiceId(id),
        new PartnerId(provider),
        new ServiceDraft(
            Text.of("Dienst " + id, "Service " + id),
            Text.of("Ein Dienst zum Testen.", "A service to test with."),
            Category.MOBILITY,
            Set.of(TargetGroup.RESIDENTS),
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Set.of(Season.ALL_YEAR),
            Set.of(Channel.WEB),
            List.of(),
            List.of()),
        "test");
    return id;
  }
}
