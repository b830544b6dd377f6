package org.sundwerk.app.portal;

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
import org.sundwerk.app.security.AccessGate;
import org.sundwerk.broker.Broker;
import org.sundwerk.ngsild.jsonld.ContextResolver;

/**
 * The portal's start page, the live city map ({@code /}), with its data: {@code /portal/markers}
 * (JSON, polled by the map) and {@code /portal/list} (the accessible table as an HTML fragment,
 * polled by htmx). All take {@code tenant}; the list also {@code kind} filters.
 */
@Controller
final class MapController {

  private final CityMarkers markers;
  private final PortalProperties properties;

  MapController(
      Broker broker,
      ContextResolver contexts,
      MessageSource messages,
      PortalProperties properties,
      AccessGate gate) {
    this.markers = new CityMarkers(broker, contexts, messages, gate);
    this.properties = properties;
  }

  @GetMapping("/")
  String map(@RequestParam Optional<String> tenant, Model model, Locale locale) {
    String chosen = tenant.filter(t -> !t.isBlank()).orElse(properties.defaultTenant());
    model.addAttribute("tenant", chosen);
    model.addAttribute("place", properties.view(chosen));
    model.addAttribute("municipalities", properties.municipalities());
    model.addAttribute("kinds", Kind.all().stream().map(Kind::key).toList());
    model.addAttribute("tileUrl", properties.tileUrl());
    model.addAttribute("tileAttribution", properties.tileAttribution());
    model.addAttribute("refreshMillis", properties.refresh().toMillis());
    model.addAttribute("lang", locale.getLanguage().equals("en") ? "en" : "de");
    model.addAttribute("rows", markers.markers(chosen, EnumSet.allOf(Kind.class), locale));
    return "portal/map";
  }

  @GetMapping(value = "/portal/markers", produces = "application/json")
  @ResponseBody
  List<Marker> markers(@RequestParam String tenant, Locale locale) {
    return markers.markers(tenant, EnumSet.allOf(Kind.class), locale);
  }

  @GetMapping("/portal/list")
  String list(
      @RequestParam String tenant,
      @RequestParam(name = "kind", required = false) List<String> kinds,
      Model model,
      Locale locale) {
    model.addAttribute("rows", markers.markers(tenant, selected(kinds), locale));
    model.addAttribute("refreshMillis", properties.refresh().toMillis());
    return "portal/map :: rows";
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
