package org.sundwerk.app.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.sundwerk.access.Level;

/**
 * Who may see which entity types and attributes, per tenant, under {@code
 * sundwerk.access.tenants.<tenant>}. Tenants not named here are open: anonymous clients read every
 * type and attribute (the broker before accounts; the demo city). Type and attribute names are
 * expanded once at start with the NGSI-LD core context; give the full IRI for a type of a domain
 * context (Smart Data Models), as a bracketed key: {@code "[https://smartdatamodels.org/...]"}.
 *
 * @param tenants the declared tenants by name (the default tenant cannot be named here: it is open)
 */
@ConfigurationProperties("sundwerk.access")
public record VisibilityProperties(@DefaultValue Map<String, TenantSettings> tenants) {

  /**
   * One tenant.
   *
   * @param anonymousRead whether clients without a key or login may read its public types; default
   *     true
   * @param undeclaredTypes the level of the types {@code types} does not name; default public
   * @param types the declared types by name
   */
  public record TenantSettings(
      @DefaultValue("true") boolean anonymousRead,
      @DefaultValue("PUBLIC") Level undeclaredTypes,
      @DefaultValue Map<String, TypeSettings> types) {}

  /**
   * One entity type.
   *
   * @param level who sees its entities at all: public, partner or private; default public
   * @param provider the id of the partner that provides the type: its members see the private
   *     attributes and may write the type; empty (default): none, only operators
   * @param attributes attributes more closed than the type, by name: their level
   */
  public record TypeSettings(
      @DefaultValue("PUBLIC") Level level,
      @DefaultValue("") String provider,
      @DefaultValue Map<String, Level> attributes) {}
}
