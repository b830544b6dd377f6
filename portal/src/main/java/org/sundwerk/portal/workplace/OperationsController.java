package org.sundwerk.portal.workplace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.partner.Onboarding;
import org.sundwerk.business.partner.Partner;
import org.sundwerk.business.partner.PartnerStatus;
import org.sundwerk.business.partner.PartnerStep;
import org.sundwerk.business.partner.Partners;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalProperties;

/**
 * {@code /betrieb}: the operator workplace of the portal's tenant. {@code /betrieb/partner} lists
 * the applications to review (approve or reject, with a reason) and every partner with its status
 * (suspend and reinstate, with a reason). Other operator pages link from {@code /betrieb}.
 */
@Controller
final class OperationsController {

  private final PortalAccess access;
  private final Partners partners;
  private final Onboarding onboarding;
  private final TenantId tenant;

  OperationsController(
      PortalAccess access, Partners partners, Onboarding onboarding, PortalProperties portal) {
    this.access = access;
    this.partners = partners;
    this.onboarding = onboarding;
    this.tenant = TenantId.of(portal.defaultTenant());
  }

  @GetMapping("/betrieb")
  String home(HttpServletRequest http, Model model) {
    access.servicesOperator(http, tenant);
    model.addAttribute(
        "applications", partners.list(tenant, Optional.of(PartnerStatus.APPLIED)).size());
    model.addAttribute("partnerCount", partners.list(tenant, Optional.empty()).size());
    model.addAttribute("tenant", tenant.name());
    return "workplace/operations";
  }

  @GetMapping("/betrieb/partner")
  String partners(HttpServletRequest http, @RequestParam Optional<String> done, Model model) {
    access.servicesOperator(http, tenant);
    done.filter(key -> key.matches("[a-z]{1,20}"))
        .ifPresent(key -> model.addAttribute("done", key));
    return show(model);
  }

  /** Approves or rejects an application: {@code decision} is {@code approve} or {@code reject}. */
  @PostMapping("/betrieb/partner/pruefen")
  String review(
      HttpServletRequest http,
      HttpServletResponse response,
      @RequestParam String partner,
      @RequestParam String decision,
      @RequestParam(defaultValue = "") String reason,
      Model model) {
    String operator = access.servicesOperator(http, tenant);
    PartnerId id = new PartnerId(partner);
    Optional<String> why = Optional.of(reason);
    try {
      switch (decision) {
        case "approve" -> onboarding.approve(tenant, id, operator, why);
        case "reject" -> partners.step(tenant, id, PartnerStep.REJECT, operator, why);
        default -> throw BusinessProblem.invalid("decide approve or reject");
      }
    } catch (BusinessProblem problem) {
      return failed(problem, response, model);
    }
    return "redirect:/betrieb/partner?done="
        + ("approve".equals(decision) ? "approved" : "rejected");
  }

  /** Suspends an active partner or reinstates a suspended one, with a reason. */
  @PostMapping("/betrieb/partner/status")
  String status(
      HttpServletRequest http,
      HttpServletResponse response,
      @RequestParam String partner,
      @RequestParam String step,
      @RequestParam(defaultValue = "") String reason,
      Model model) {
    String operator = access.servicesOperator(http, tenant);
    try {
      PartnerStep chosen =
          switch (step) {
            case "suspend" -> PartnerStep.SUSPEND;
            case "reinstate" -> PartnerStep.REINSTATE;
            default -> throw BusinessProblem.invalid("suspend or reinstate");
          };
      partners.step(tenant, new PartnerId(partner), chosen, operator, Optional.of(reason));
    } catch (BusinessProblem problem) {
      return failed(problem, response, model);
    }
    return "redirect:/betrieb/partner?done=" + step;
  }

  private String failed(BusinessProblem problem, HttpServletResponse response, Model model) {
    response.setStatus(Problems.status(problem));
    model.addAttribute("problem", problem.getMessage());
    return show(model);
  }

  private String show(Model model) {
    List<Partner> all = partners.list(tenant, Optional.empty());
    model.addAttribute(
        "applications", all.stream().filter(p -> p.status() == PartnerStatus.APPLIED).toList());
    model.addAttribute(
        "others", all.stream().filter(p -> p.status() != PartnerStatus.APPLIED).toList());
    return "workplace/partners";
  }
}
