package org.sundwerk.portal.map;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sundwerk.broker.subscription.LocalEndpoints;
import org.sundwerk.broker.subscription.SubscriptionOperations;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalGate;
import org.sundwerk.portal.PortalProperties;

/**
 * The portal's start page, the live city map ({@code /?tenant=&kind=&lang=}), with its data: {@code
 * /portal/markers} (JSON, read once by the map and again after a lost connection) and {@code
 * /portal/map/events} (server-sent events with the markers that changed, see {@link MapFeed}).
 */
@Controller
final class MapController implements SmartLifecycle {

  private final CityMarkers markers;
  private final MapFeed feed;
  private final PortalProperties properties;
  private final PortalAccess access;

  MapController(
      PortalGate gate,
      ContextResolver contexts,
      MessageSource messages,
      PortalProperties properties,
      PortalAccess access,
      Clock clock,
      LocalEndpoints local,
      SubscriptionOperations subscriptions) {
    this.markers = new CityMarkers(gate, contexts, messages, clock, properties.zone());
    this.feed =
        new MapFeed(
            markers,
            local,
            subscriptions,
            gate,
            contexts.defaultDictionary(),
            properties.municipalities().stream()
                .map(PortalProperties.Municipality::tenant)
                .toList(),
            clock,
            properties.livePush());
    this.properties = properties;
    this.access = access;
  }

  /** The live updates start and stop with the application (see {@link MapFeed}). */
  @Override
  public void start() {
    feed.start();
  }

  @Override
  public void stop() {
    feed.stop();
  }

  @Override
  public boolean isRunning() {
    return feed.isRunning();
  }

  @GetMapping("/")
  String map(
      @RequestParam Optional<String> tenant,
      @RequestParam(name = "kind", required = false) List<String> kinds,
      HttpServletRequest http,
      Model model,
      Locale locale) {
    access.page(http);
    String chosen = tenant.filter(t -> !t.isBlank()).orElse(properties.defaultTenant());
    Set<Kind> shown = selected(kinds);
    model.addAttribute("tenant", chosen);
    model.addAttribute("place", properties.view(chosen));
    model.addAttribute("municipalities", properties.municipalities());
    model.addAttribute("kinds", Kind.all().stream().map(Kind::key).toList());
    model.addAttribute("shownKinds", shown.stream().map(Kind::key).toList());
    model.addAttribute("levels", List.of("ok", "warn", "alert", "info"));
    model.addAttribute("tileUrl", properties.tileUrl());
    model.addAttribute("tileAttribution", properties.tileAttribution());
    model.addAttribute("tilesSelfHosted", properties.tilesSelfHosted());
    model.addAttribute("tileHost", tileHost(properties.tileUrl()));
    model.addAttribute("live", feed.serves(chosen));
    model.addAttribute("outline", outline(chosen));
    List<Marker> rows = markers.markers(chosen, EnumSet.allOf(Kind.class), locale);
    feed.shown(chosen, rows);
    model.addAttribute("rows", rows);
    return "map/map";
  }

  @GetMapping(value = "/portal/markers", produces = "application/json")
  @ResponseBody
  List<Marker> markers(@RequestParam String tenant, HttpServletRequest http, Locale locale) {
    access.page(http);
    List<Marker> all = markers.markers(tenant, EnumSet.allOf(Kind.class), locale);
    feed.shown(tenant, all);
    return all;
  }

  /**
   * The markers of {@code tenant} that change, as they change: a long-lived response that holds no
   * request thread (Servlet async), closed after {@link MapFeed#CONNECTION} (the browser's
   * EventSource reconnects). 404 for a tenant without live updates, 503 when too many are open.
   */
  @GetMapping(value = "/portal/map/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  ResponseEntity<SseEmitter> events(
      @RequestParam String tenant, HttpServletRequest http, Locale locale) {
    access.page(http);
    if (!feed.serves(tenant)) {
      return ResponseEntity.notFound().build();
    }
    return feed.open(tenant, locale)
        .map(
            emitter ->
                ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .header("X-Accel-Buffering", "no")
                    .body(emitter))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build());
  }

  /**
   * The path of the tenant's city outline (GeoJSON under static/portal/outline), if there is one.
   */
  private static String outline(String tenant) {
    if (!tenant.matches("[a-z0-9-]{1,64}")) {
      return "";
    }
    String path = "/portal/outline/" + tenant + ".geojson";
    return new ClassPathResource("static" + path).exists() ? path : "";
  }

  /** The host the visitor's browser would ask for tiles, named before it consents. */
  private static String tileHost(String url) {
    String rest = url.replaceFirst("^[a-z]+://", "");
    int slash = rest.indexOf('/');
    return (slash < 0 ? rest : rest.substring(0, slash)).replace("{s}.", "");
  }

  private static Set<Kind> selected(List<String> keys) {
    if (keys == null || keys.isEmpty()) {
      return EnumSet.allOf(Kind.class);
    }
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    keys.forEach(key -> Kind.ofKey(key).ifPresent(kinds::add));
    return kinds;
  }
}
