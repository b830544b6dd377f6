package org.sundwerk.portal.catalog;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Money;
import org.sundwerk.business.catalog.Canvas;
import org.sundwerk.business.catalog.CanvasBlock;
import org.sundwerk.business.catalog.Category;
import org.sundwerk.business.catalog.Channel;
import org.sundwerk.business.catalog.Figures;
import org.sundwerk.business.catalog.LifeSituation;
import org.sundwerk.business.catalog.Season;
import org.sundwerk.business.catalog.Service;
import org.sundwerk.business.catalog.ServiceId;
import org.sundwerk.business.catalog.ServiceQuery;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.catalog.TargetGroup;
import org.sundwerk.portal.PortalAccess;

/**
 * The partner workplace for services, {@code /werkstatt/dienste}: a member lists the partner's
 * services (published or not), submits new ones, edits them and designs each one's business model
 * canvas with its projection. Operators may open it for any partner ({@code ?partner=}).
 */
@Controller
final class PartnerWorkplace {

  static final String BASE = "/werkstatt/dienste";

  private final Services services;
  private final Workplaces workplaces;
  private final PortalAccess access;

  PartnerWorkplace(Services services, Workplaces workplaces, PortalAccess access) {
    this.services = services;
    this.workplaces = workplaces;
    this.access = access;
  }

  @GetMapping(BASE)
  String list(
      HttpServletRequest http,
      Locale locale,
      Model model,
      @RequestParam Optional<String> tenant,
      @RequestParam Optional<String> partner) {
    TenantId chosen = workplaces.tenant(http, tenant);
    PartnerId provider = workplaces.partner(http, chosen, partner, Operation.READ);
    List<Service> own =
        services
            .search(
                chosen,
                ServiceQuery.published()
                    .includingUnpublished()
                    .withProvider(provider)
                    .withPage(ServiceQuery.MAX_LIMIT, 0))
            .services();
    model.addAttribute("tenant", chosen.name());
    model.addAttribute("partner", provider.value());
    model.addAttribute("services", own.stream().map(s -> CatalogPage.view(s, locale)).toList());
    model.addAttribute(
        "published", own.stream().filter(Service::published).map(s -> s.id().value()).toList());
    return "catalog/workplace";
  }

  @GetMapping({BASE + "/neu", BASE + "/{id}"})
  String form(
      HttpServletRequest http,
      Model model,
      @PathVariable Optional<String> id,
      @RequestParam Optional<String> tenant,
      @RequestParam Optional<String> partner) {
    TenantId chosen = workplaces.tenant(http, tenant);
    ServiceForm form;
    PartnerId provider;
    if (id.isPresent()) {
      Service service = owned(http, chosen, id.get(), Operation.WRITE);
      provider = service.provider();
      form = ServiceForm.of(service.id().value(), service.draft());
    } else {
      provider = workplaces.partner(http, chosen, partner, Operation.WRITE);
      form = ServiceForm.empty();
    }
    return showForm(model, chosen, provider, form, id.isEmpty(), Optional.empty());
  }

  @PostMapping(BASE)
  String create(
      HttpServletRequest http,
      Model model,
      @RequestParam Optional<String> tenant,
      @RequestParam Optional<String> partner,
      @RequestParam MultiValueMap<String, String> posted) {
    TenantId chosen = workplaces.tenant(http, tenant);
    PartnerId provider = workplaces.partner(http, chosen, partner, Operation.WRITE);
    ServiceForm form = ServiceForm.of(posted);
    try {
      ServiceId id = new ServiceId(form.id().strip());
      services.create(chosen, id, provider, form.draft(), access.principal(http));
      return "redirect:" + BASE + "?tenant=" + chosen.name() + "&partner=" + provider.value();
    } catch (BusinessProblem | IllegalArgumentException e) {
      return showForm(model, chosen, provider, form, true, Optional.of(e.getMessage()));
    }
  }

  @PostMapping(BASE + "/{id}")
  String edit(
      HttpServletRequest http,
      Model model,
      @PathVariable String id,
      @RequestParam Optional<String> tenant,
      @RequestParam MultiValueMap<String, String> posted) {
    TenantId chosen = workplaces.tenant(http, tenant);
    Service service = owned(http, chosen, id, Operation.WRITE);
    ServiceForm form = ServiceForm.of(posted);
    try {
      services.edit(chosen, service.id(), form.draft());
      return "redirect:"
          + BASE
          + "?tenant="
          + chosen.name()
          + "&partner="
          + service.provider().value();
    } catch (BusinessProblem e) {
      return showForm(
          model, chosen, service.provider(), withId(form, id), false, Optional.of(e.getMessage()));
    }
  }

  @GetMapping(BASE + "/{id}/canvas")
  String canvas(
      HttpServletRequest http,
      Locale locale,
      Model model,
      @PathVariable String id,
      @RequestParam Optional<String> tenant) {
    TenantId chosen = workplaces.tenant(http, tenant);
    Service service = owned(http, chosen, id, Operation.READ);
    return showCanvas(
        model, locale, service, services.canvas(chosen, service.id()), Optional.empty());
  }

  @PostMapping(BASE + "/{id}/canvas")
  String saveCanvas(
      HttpServletRequest http,
      Locale locale,
      Model model,
      @PathVariable String id,
      @RequestParam Optional<String> tenant,
      @RequestParam Map<String, String> posted) {
    TenantId chosen = workplaces.tenant(http, tenant);
    Service service = owned(http, chosen, id, Operation.WRITE);
    try {
      Canvas saved = services.saveCanvas(chosen, service.id(), canvasOf(posted));
      model.addAttribute("saved", true);
      return showCanvas(model, locale, service, saved, Optional.empty());
    } catch (BusinessProblem | NumberFormatException e) {
      return showCanvas(
          model,
          locale,
          service,
          services.canvas(chosen, service.id()),
          Optional.of(e.getMessage() == null ? "" : e.getMessage()));
    }
  }

  private String showForm(
      Model model,
      TenantId tenant,
      PartnerId provider,
      ServiceForm form,
      boolean creating,
      Optional<String> problem) {
    model.addAttribute("tenant", tenant.name());
    model.addAttribute("partner", provider.value());
    model.addAttribute("form", form);
    model.addAttribute("creating", creating);
    model.addAttribute("problem", problem.orElse(null));
    model.addAttribute("categories", ServiceForm.codes(Category.values()));
    model.addAttribute("targetGroups", ServiceForm.codes(TargetGroup.values()));
    model.addAttribute("lifeSituations", ServiceForm.codes(LifeSituation.values()));
    model.addAttribute("seasons", ServiceForm.codes(Season.values()));
    model.addAttribute("channels", ServiceForm.codes(Channel.values()));
    return "catalog/form";
  }

  private String showCanvas(
      Model model, Locale locale, Service service, Canvas canvas, Optional<String> problem) {
    model.addAttribute("tenant", service.tenant().name());
    model.addAttribute("service", CatalogPage.view(service, locale));
    model.addAttribute("canvas", CanvasView.of(service, canvas, locale));
    model.addAttribute("problem", problem.orElse(null));
    return "catalog/canvas";
  }

  /** The service, if the request may {@code operation} its provider's records; else refused. */
  private Service owned(HttpServletRequest http, TenantId tenant, String id, Operation operation) {
    Optional<Service> found;
    try {
      found = services.find(tenant, new ServiceId(id));
    } catch (IllegalArgumentException e) {
      found = Optional.empty();
    }
    Service service =
        found.orElseThrow(
            () ->
                new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND));
    workplaces.require(
        http, org.sundwerk.access.AccessRequest.ofPartner(tenant, operation, service.provider()));
    return service;
  }

  private static Canvas canvasOf(Map<String, String> posted) {
    Map<CanvasBlock, String> blocks = new EnumMap<>(CanvasBlock.class);
    for (CanvasBlock block : CanvasBlock.values()) {
      blocks.put(block, posted.getOrDefault(CanvasView.field(block), ""));
    }
    return new Canvas(
        blocks,
        new Figures(
            money(posted, "oneOffCosts"),
            money(posted, "monthlyCosts"),
            Long.parseLong(posted.getOrDefault("usersPerMonth", "0").strip()),
            money(posted, "pricePerUser")));
  }

  private static Money money(Map<String, String> posted, String field) {
    String text = posted.getOrDefault(field, "0").strip().replace(',', '.');
    return Money.of(new BigDecimal(text.isEmpty() ? "0" : text));
  }

  private static ServiceForm withId(ServiceForm form, String id) {
    return new ServiceForm(
        id,
        form.nameDe(),
        form.nameEn(),
        form.nameEasy(),
        form.descriptionDe(),
        form.descriptionEn(),
        form.descriptionEasy(),
        form.category(),
        form.targetGroups(),
        form.lifeSituations(),
        form.seasons(),
        form.channels(),
        form.leikaKey(),
        form.onlineService(),
        form.places(),
        form.liveData());
  }
}
