package org.sundwerk.portal.catalog;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.catalog.Service;
import org.sundwerk.business.catalog.ServiceId;
import org.sundwerk.business.catalog.ServiceQuery;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.catalog.Stage;
import org.sundwerk.portal.PortalAccess;

/**
 * The operator workplace for services, {@code /betrieb/dienste}: the lifecycle board (a column per
 * stage, approving unpublished services, moving a service forward with a reason) and the comparison
 * of two to four services' canvases side by side, for deciding pilot → live.
 */
@Controller
final class OperatorWorkplace {

  static final String BASE = "/betrieb/dienste";

  /** Services per stage column; the board of a large catalog shows the first ones by name. */
  static final int COLUMN = ServiceQuery.MAX_LIMIT;

  /** Why the last step failed, as the redirect names it (a {@link BusinessProblem}'s kind). */
  private static final List<String> PROBLEMS = List.of("invalid", "conflict", "not_found");

  private final Services services;
  private final Workplaces workplaces;
  private final PortalAccess access;

  OperatorWorkplace(Services services, Workplaces workplaces, PortalAccess access) {
    this.services = services;
    this.workplaces = workplaces;
    this.access = access;
  }

  /** One card on the board. */
  record Card(CatalogPage.View service, boolean published, List<String> next) {}

  @GetMapping(BASE)
  String board(
      HttpServletRequest http,
      Locale locale,
      Model model,
      @RequestParam Optional<String> tenant,
      @RequestParam Optional<String> problem) {
    TenantId chosen = workplaces.tenant(http, tenant);
    workplaces.operator(http, chosen);
    Map<String, List<Card>> columns = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      ServiceQuery query =
          new ServiceQuery(
              "",
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.of(stage),
              Optional.empty(),
              false,
              COLUMN,
              0);
      List<Card> cards = new ArrayList<>();
      for (Service service : services.search(chosen, query).services()) {
        List<String> next = new ArrayList<>();
        for (Stage later : Stage.values()) {
          if (stage.mayMoveTo(later)) {
            next.add(ServiceForm.code(later));
          }
        }
        cards.add(new Card(CatalogPage.view(service, locale), service.published(), next));
      }
      columns.put(ServiceForm.code(stage), cards);
    }
    model.addAttribute("tenant", chosen.name());
    model.addAttribute("columns", columns);
    model.addAttribute(
        "problem",
        problem.filter(PROBLEMS::contains).map(p -> "catalog.problem." + p).orElse(null));
    return "catalog/board";
  }

  @PostMapping(BASE + "/{id}/freigeben")
  String approve(
      HttpServletRequest http, @PathVariable String id, @RequestParam Optional<String> tenant) {
    TenantId chosen = workplaces.tenant(http, tenant);
    workplaces.operator(http, chosen);
    return act(chosen, () -> services.approve(chosen, serviceId(id)));
  }

  @PostMapping(BASE + "/{id}/phase")
  String move(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestParam Optional<String> tenant,
      @RequestParam String stage,
      @RequestParam(defaultValue = "") String reason) {
    TenantId chosen = workplaces.tenant(http, tenant);
    workplaces.operator(http, chosen);
    return act(
        chosen,
        () ->
            services.move(
                chosen,
                serviceId(id),
                Stage.valueOf(stage.toUpperCase(Locale.ROOT)),
                access.principal(http),
                reason));
  }

  @GetMapping(BASE + "/vergleich")
  String compare(
      HttpServletRequest http,
      Locale locale,
      Model model,
      @RequestParam Optional<String> tenant,
      @RequestParam(defaultValue = "") List<String> service) {
    TenantId chosen = workplaces.tenant(http, tenant);
    workplaces.operator(http, chosen);
    List<CanvasView> canvases = new ArrayList<>();
    for (String id : service.stream().distinct().limit(4).toList()) {
      try {
        services
            .find(chosen, new ServiceId(id))
            .ifPresent(
                found ->
                    canvases.add(
                        CanvasView.of(found, services.canvas(chosen, found.id()), locale)));
      } catch (IllegalArgumentException e) {
        // Not a service id: nothing to compare.
      }
    }
    model.addAttribute("tenant", chosen.name());
    model.addAttribute("canvases", canvases);
    model.addAttribute("months", CanvasView.SHOWN);
    return "catalog/compare";
  }

  private static String act(TenantId tenant, Runnable step) {
    try {
      step.run();
      return "redirect:" + BASE + "?tenant=" + tenant.name();
    } catch (BusinessProblem | IllegalArgumentException e) {
      String kind =
          e instanceof BusinessProblem problem
              ? problem.kind().name().toLowerCase(Locale.ROOT)
              : "invalid";
      return "redirect:" + BASE + "?tenant=" + tenant.name() + "&problem=" + kind;
    }
  }

  private static ServiceId serviceId(String id) {
    return new ServiceId(id);
  }
}
