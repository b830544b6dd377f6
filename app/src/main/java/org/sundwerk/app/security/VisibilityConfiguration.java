package org.sundwerk.app.security;

import java.util.Map;
import org.sundwerk.access.Level;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.TenantVisibility;
import org.sundwerk.access.TypeVisibility;
import org.sundwerk.access.Visibility;
import org.sundwerk.ngsild.jsonld.TermDictionary;

/**
 * Turns {@link VisibilityProperties} into the access module's {@link Visibility}, once at start.
 */
final class VisibilityConfiguration {

  private VisibilityConfiguration() {}

  /**
   * The declared visibility; names are expanded with {@code core} unless they are IRIs already.
   *
   * @throws IllegalArgumentException for an invalid tenant name or partner id: the start fails
   */
  static Visibility of(VisibilityProperties properties, TermDictionary core) {
    Visibility visibility = Visibility.OPEN;
    for (Map.Entry<String, VisibilityProperties.TenantSettings> tenant :
        properties.tenants().entrySet()) {
      VisibilityProperties.TenantSettings settings = tenant.getValue();
      TenantVisibility declared =
          new TenantVisibility(settings.anonymousRead(), settings.undeclaredTypes(), Map.of());
      for (Map.Entry<String, VisibilityProperties.TypeSettings> type :
          settings.types().entrySet()) {
        declared = declared.withType(expand(type.getKey(), core), type(type.getValue(), core));
      }
      visibility = visibility.withTenant(TenantId.of(tenant.getKey()), declared);
    }
    return visibility;
  }

  private static TypeVisibility type(
      VisibilityProperties.TypeSettings settings, TermDictionary core) {
    TypeVisibility type = TypeVisibility.of(settings.level());
    if (!settings.provider().isBlank()) {
      type = type.providedBy(new PartnerId(settings.provider().strip()));
    }
    for (Map.Entry<String, Level> attribute : settings.attributes().entrySet()) {
      type = type.withAttribute(expand(attribute.getKey(), core), attribute.getValue());
    }
    return type;
  }

  /** An absolute IRI as is, a term with the core context. */
  static String expand(String name, TermDictionary core) {
    String trimmed = name.strip();
    return trimmed.contains(":") ? trimmed : core.expand(trimmed);
  }
}
