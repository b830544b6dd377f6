package org.sundwerk.portal.map;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalGate;
import org.sundwerk.portal.PortalProperties;

/**
 * The portal's start page, the live city map ({@code /}), with its data: {@code /portal/markers}
 * (JSON, polled by the map) and {@code /portal/list} (the accessible table as an HTML fragment,
 * polled by htmx). All take {@code tenant}; the list also {@code kind} filters.
 */
@Controller
final class MapController {

  private final CityMarkers markers;
  private final PortalProperties properties;
  private final PortalAccess access;

  MapController(
      PortalGate gate,
      ContextResolver contexts,
      MessageSource messages,
      PortalProperties properties,
      PortalAccess access) {
    this.markers = new CityMarkers(gate, contexts, messages);
    this.properties = properties;
    this.access = access;
  }

  @GetMapping("/")
  String map(
      @RequestParam Optional<String> tenant, HttpServletRequest http, Model model, Locale locale) {
    access.page(http);
    String chosen = tenant.filter(t -> !t.isBlank()).orElse(properties.defaultTenant());
    model.addAttribute("tenant", chosen);
    model.addAttribute("place", properties.view(chosen));
    model.addAttribute("municipalities", properties.municipalities());
    model.addAttribute("kinds", Kind.all().stream().map(Kind::key).toList());
    model.addAttribute("tileUrl", properties.tileUrl());
    model.addAttribute("tileAttribution", properties.tileAttribution());
    model.addAttribute("refreshMillis", properties.refresh().toMillis());
    model.addAttribute("rows", markers.markers(chosen, EnumSet.allOf(Kind.class), locale));
    return "map/map";
  }

  @GetMapping(value = "/portal/markers", produces = "application/json")
  @ResponseBody
  List<Marker> markers(@RequestParam String tenant, HttpServletRequest http, Locale locale) {
    access.page(http);
    return markers.markers(tenant, EnumSet.allOf(Kind.class), locale);
  }

  @GetMapping("/portal/list")
  String list(
      @RequestParam String tenant,
      @RequestParam(name = "kind", required = false) List<String> kinds,
      HttpServletRequest http,
      Model model,
      Locale locale) {
    access.page(http);
    model.addAttribute("rows", markers.markers(tenant, selected(kinds), locale));
    model.addAttribute("refreshMillis", properties.refresh().toMillis());
    return "map/map :: rows";
  }

  private static Set<Kind> selected(List<String> keys) {
    if (keys == null) {
      return EnumSet.allOf(Kind.class);
    }
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    keys.forEach(key -> Kind.ofKey(key).ifPresent(kinds::add));
    return kinds;
  }
}
