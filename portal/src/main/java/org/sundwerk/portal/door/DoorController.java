package org.sundwerk.portal.door;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalProperties;

/**
 * The front doors {@code /einwohner}, {@code /touristen}, {@code /senioren}, {@code /familien} and
 * {@code /unternehmen} ({@code ?tenant=}, default the portal's default tenant): the tiles of {@link
 * DoorTable} for the group and the season of the injected {@link Clock} in the portal's zone, with
 * live figures.
 */
@Controller
final class DoorController {

  private final LiveFigures figures;
  private final PortalAccess access;
  private final PortalProperties properties;
  private final Clock clock;

  DoorController(
      LiveFigures figures, PortalAccess access, PortalProperties properties, Clock clock) {
    this.figures = figures;
    this.access = access;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping({"/einwohner", "/touristen", "/senioren", "/familien", "/unternehmen"})
  String door(
      @RequestParam Optional<String> tenant, HttpServletRequest http, Locale locale, Model model) {
    access.page(http);
    Group group = Group.ofKey(http.getServletPath().substring(1)).orElseThrow();
    String chosen = tenant.filter(t -> !t.isBlank()).orElse(properties.defaultTenant());
    Instant now = clock.instant();
    Season season = Season.of(LocalDate.ofInstant(now, properties.zone()));
    List<TileView> tiles =
        DoorTable.tiles(group, season).stream().map(t -> view(t, chosen, now, locale)).toList();
    model.addAttribute("group", group.key());
    model.addAttribute("season", season.key());
    model.addAttribute("tenant", chosen);
    model.addAttribute("place", properties.view(chosen));
    model.addAttribute("tiles", tiles);
    return "door/door";
  }

  private TileView view(Tile tile, String tenant, Instant now, Locale locale) {
    return switch (tile) {
      case Tile.Live live ->
          new TileView(
              live.source().key(),
              true,
              figures.items(tenant, live.source(), now, locale),
              mapLink(tenant, live.source()),
              false);
      case Tile.Link link ->
          new TileView("link-" + link.key(), false, List.of(), link.href(), isExternal(link));
    };
  }

  private String mapLink(String tenant, Source source) {
    UriComponentsBuilder map =
        UriComponentsBuilder.fromPath("/").queryParam("kind", source.mapKind());
    if (!tenant.equals(properties.defaultTenant())) {
      map.queryParam("tenant", tenant);
    }
    return map.build().toUriString();
  }

  private static boolean isExternal(Tile.Link link) {
    return link.href().startsWith("https://");
  }
}
