package org.sundwerk.portal.catalog;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.catalog.Category;
import org.sundwerk.business.catalog.LifeSituation;
import org.sundwerk.business.catalog.Season;
import org.sundwerk.business.catalog.Service;
import org.sundwerk.business.catalog.ServiceId;
import org.sundwerk.business.catalog.ServicePage;
import org.sundwerk.business.catalog.ServiceQuery;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.catalog.TargetGroup;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalGate;
import org.sundwerk.portal.PortalProperties;

/**
 * The public catalog: {@code /dienste} searches and filters the published services of {@code
 * ?tenant=} (default: the portal's default tenant) with a plain GET form, {@code /dienste/{id}}
 * shows one service with the places whose live data it uses. Unpublished services are not found.
 */
@Controller
final class CatalogPage {

  /** Services per page of results. */
  static final int PAGE = 20;

  /** The Smart Data Models {@code name} property, which the demo's places carry. */
  private static final String NAME = "https://smartdatamodels.org/name";

  private final Services services;
  private final PortalGate gate;
  private final PortalAccess access;
  private final PortalProperties portal;

  CatalogPage(Services services, PortalGate gate, PortalAccess access, PortalProperties portal) {
    this.services = services;
    this.gate = gate;
    this.access = access;
    this.portal = portal;
  }

  /** One service as a page shows it, in the reader's language. */
  record View(
      String id,
      String name,
      String description,
      Optional<String> easy,
      String provider,
      String stage,
      String category,
      List<String> targetGroups,
      List<String> lifeSituations,
      List<String> seasons,
      List<String> channels,
      Optional<String> onlineService,
      Optional<String> leikaKey) {}

  /** A place whose live data the service shows: its page in the portal. */
  record Place(String name, String url) {}

  @GetMapping("/dienste")
  String list(
      HttpServletRequest http,
      Locale locale,
      Model model,
      @RequestParam Optional<String> tenant,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String targetGroup,
      @RequestParam(defaultValue = "") String season,
      @RequestParam(defaultValue = "") String lifeSituation,
      @RequestParam(defaultValue = "") String category,
      @RequestParam(defaultValue = "1") int page) {
    allowRead(http);
    TenantId chosen = tenant(tenant);
    int shownPage = Math.max(1, Math.min(page, 1000));
    ServiceQuery query =
        new ServiceQuery(
            q,
            code(TargetGroup.class, targetGroup),
            code(Season.class, season),
            code(LifeSituation.class, lifeSituation),
            code(Category.class, category),
            Optional.empty(),
            Optional.empty(),
            true,
            PAGE,
            (shownPage - 1) * PAGE);
    ServicePage found = services.search(chosen, query);
    model.addAttribute("tenant", chosen.name());
    model.addAttribute("q", query.text());
    model.addAttribute("targetGroup", targetGroup);
    model.addAttribute("season", season);
    model.addAttribute("lifeSituation", lifeSituation);
    model.addAttribute("category", category);
    model.addAttribute("targetGroups", names(TargetGroup.values()));
    model.addAttribute("seasons", names(Season.values()));
    model.addAttribute("lifeSituations", names(LifeSituation.values()));
    model.addAttribute("categories", names(Category.values()));
    model.addAttribute("total", found.total());
    model.addAttribute("services", found.services().stream().map(s -> view(s, locale)).toList());
    model.addAttribute("page", shownPage);
    model.addAttribute("pages", Math.max(1, (found.total() + PAGE - 1) / PAGE));
    return "catalog/list";
  }

  @GetMapping("/dienste/{id}")
  String service(
      HttpServletRequest http,
      jakarta.servlet.http.HttpServletResponse response,
      Locale locale,
      Model model,
      @PathVariable String id,
      @RequestParam Optional<String> tenant,
      @RequestParam(defaultValue = "false") boolean easy) {
    allowRead(http);
    TenantId chosen = tenant(tenant);
    Optional<Service> found = serviceId(id).flatMap(s -> services.find(chosen, s));
    if (found.isEmpty() || !found.get().published()) {
      response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("tenant", chosen.name());
      return "catalog/missing";
    }
    Service service = found.get();
    View view = view(service, locale);
    model.addAttribute("tenant", chosen.name());
    model.addAttribute("service", view);
    model.addAttribute("easy", easy && view.easy().isPresent());
    model.addAttribute("places", places(chosen, service, locale));
    return "catalog/service";
  }

  /** Portal pages and the public catalog are open to every visitor the gate lets in. */
  private void allowRead(HttpServletRequest http) {
    access.page(http);
  }

  /** The service's places that visitors may see, each linked to its page. */
  private List<Place> places(TenantId tenant, Service service, Locale locale) {
    List<Place> places = new ArrayList<>();
    for (String id : service.draft().places()) {
      gate.publicEntity(tenant, id)
          .ifPresent(
              entity ->
                  places.add(
                      new Place(
                          name(entity, locale),
                          "/orte/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8))));
    }
    return places;
  }

  private static String name(Entity entity, Locale locale) {
    return entity
        .defaultInstance(NAME)
        .map(Attribute::value)
        .map(
            value ->
                value.isString()
                    ? value.asString()
                    : value.path(locale.getLanguage()).asString(value.path("de").asString("")))
        .filter(name -> !name.isBlank())
        .orElse(entity.id());
  }

  static View view(Service service, Locale locale) {
    var draft = service.draft();
    return new View(
        service.id().value(),
        draft.name().in(locale),
        draft.description().in(locale),
        draft.description().easyGerman(),
        service.provider().value(),
        key(service.stage()),
        key(draft.category()),
        keys(draft.targetGroups()),
        keys(draft.lifeSituations()),
        keys(draft.seasons()),
        keys(draft.channels()),
        draft.onlineService().map(Object::toString),
        draft.leikaKey());
  }

  private static String key(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static List<String> keys(java.util.Set<? extends Enum<?>> values) {
    return values.stream().sorted().map(CatalogPage::key).toList();
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(CatalogPage::key).toList();
  }

  /** The filter's constant, or none when the visitor chose "all" or sent something unknown. */
  private static <E extends Enum<E>> Optional<E> code(Class<E> type, String code) {
    return Arrays.stream(type.getEnumConstants()).filter(c -> key(c).equals(code)).findFirst();
  }

  private static Optional<ServiceId> serviceId(String id) {
    try {
      return Optional.of(new ServiceId(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private TenantId tenant(Optional<String> tenant) {
    try {
      return TenantId.of(tenant.filter(t -> !t.isBlank()).orElse(portal.defaultTenant()));
    } catch (IllegalArgumentException e) {
      return TenantId.of(portal.defaultTenant());
    }
  }
}
