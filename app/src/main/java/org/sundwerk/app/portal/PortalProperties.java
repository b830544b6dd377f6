package org.sundwerk.app.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's settings under {@code sundwerk.portal.*}.
 *
 * @param tileUrl Leaflet tile URL template; default OpenStreetMap's; empty for no background map
 *     (the markers and the list still work, e.g. without internet)
 * @param tileAttribution attribution shown for the tiles (HTML allowed by Leaflet)
 * @param defaultTenant the municipality shown when none is chosen; default {@code stralsund}
 * @param refresh how often the map and the list reload; default 5 s
 */
@ConfigurationProperties("sundwerk.portal")
public record PortalProperties(
    @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String tileUrl,
    @DefaultValue("&copy; OpenStreetMap contributors") String tileAttribution,
    @DefaultValue("stralsund") String defaultTenant,
    @DefaultValue("5s") Duration refresh) {}
