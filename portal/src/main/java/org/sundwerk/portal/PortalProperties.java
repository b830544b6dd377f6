package org.sundwerk.portal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's settings under {@code sundwerk.portal.*}.
 *
 * @param tileUrl Leaflet tile URL template; default OpenStreetMap's; empty for no background map
 *     (the outline of the city, the markers and the list still work, e.g. without internet). Tiles
 *     from it load only after the visitor consented (remembered in the browser's localStorage),
 *     unless {@code tilesSelfHosted}
 * @param tileAttribution attribution shown for the tiles (HTML allowed by Leaflet)
 * @param tilesSelfHosted true when the operator serves the tiles itself (no third party learns who
 *     looks at the map): they load without asking; default false
 * @param defaultTenant the municipality shown when none is chosen; default {@code stralsund}
 * @param municipalities the tenants offered in the portal's choice, with their map view; default
 *     Stralsund and Grimmen (the demo city). A tenant not listed is shown around the first one's
 *     centre.
 * @param publicUrl the portal's address as residents reach it, e.g. {@code
 *     https://sundwerk.stralsund.de}, for the links in mails; empty (default): taken from each
 *     request, which is right only when no proxy in front rewrites the host. Set it in production:
 *     a link built from a forged {@code Host} header would send a reset token elsewhere.
 * @param mailFrom the sender of the portal's mails; default {@code noreply@localhost}
 * @param zone the time zone of times the portal shows; default {@code Europe/Berlin}
 * @param signInAttempts how many logins, registrations, reset requests, password changes and
 *     account deletions one client address may send per minute (each costs an Argon2id hash);
 *     default 10
 * @param livePush how often an open map gets the changes gathered since the last push (one event
 *     per changed place, however often it changed); default 15 s
 */
@ConfigurationProperties("sundwerk.portal")
public record PortalProperties(
    @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String tileUrl,
    @DefaultValue("&copy; OpenStreetMap contributors") String tileAttribution,
    @DefaultValue("stralsund") String defaultTenant,
    @DefaultValue("false") boolean tilesSelfHosted,
    List<Municipality> municipalities,
    @DefaultValue("") String publicUrl,
    @DefaultValue("noreply@localhost") String mailFrom,
    @DefaultValue("Europe/Berlin") ZoneId zone,
    @DefaultValue("10") int signInAttempts,
    @DefaultValue("15s") Duration livePush) {

  public PortalProperties {
    if (signInAttempts < 1) {
      throw new IllegalArgumentException("sundwerk.portal.sign-in-attempts must be at least 1");
    }
    if (livePush.isNegative() || livePush.isZero()) {
      throw new IllegalArgumentException("sundwerk.portal.live-push must be positive");
    }
    municipalities =
        municipalities == null
            ? List.of(
                new Municipality("stralsund", "Hansestadt Stralsund", 54.3135, 13.09, 14),
                new Municipality("grimmen", "Grimmen", 54.11, 13.0414, 15))
            : List.copyOf(municipalities);
  }

  /**
   * One tenant as the portal offers it.
   *
   * @param tenant its NGSILD-Tenant
   * @param name its display name
   * @param latitude map centre
   * @param longitude map centre
   * @param zoom initial Leaflet zoom level; default 14
   */
  public record Municipality(
      String tenant,
      String name,
      double latitude,
      double longitude,
      @DefaultValue("14") int zoom) {}

  /** The configured municipality of the tenant, else the tenant around the first one's centre. */
  public Municipality view(String tenant) {
    return municipalities.stream()
        .filter(m -> m.tenant().equals(tenant))
        .findFirst()
        .orElseGet(() -> defaultView(tenant));
  }

  private Municipality defaultView(String tenant) {
    return municipalities.stream()
        .findFirst()
        .map(m -> new Municipality(tenant, tenant, m.latitude(), m.longitude(), m.zoom()))
        .orElse(new Municipality(tenant, tenant, 54.3135, 13.09, 13));
  }
}
