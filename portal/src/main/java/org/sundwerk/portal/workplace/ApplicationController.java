package org.sundwerk.portal.workplace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.partner.PartnerKind;
import org.sundwerk.business.partner.Partners;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalProperties;

/**
 * {@code /partner/bewerben}: a signed-in visitor applies for their organisation to become a partner
 * of the portal's tenant; an operator then reviews it at {@code /betrieb/partner}.
 */
@Controller
final class ApplicationController {

  private final PortalAccess access;
  private final Partners partners;
  private final TenantId tenant;

  ApplicationController(PortalAccess access, Partners partners, PortalProperties portal) {
    this.access = access;
    this.partners = partners;
    this.tenant = TenantId.of(portal.defaultTenant());
  }

  @GetMapping("/partner/bewerben")
  String form(HttpServletRequest http, @RequestParam Optional<String> sent, Model model) {
    access.applicant(http, tenant);
    model.addAttribute("sent", sent.isPresent());
    return show(model, ApplicationForm.empty());
  }

  @PostMapping("/partner/bewerben")
  String apply(
      HttpServletRequest http,
      HttpServletResponse response,
      @ModelAttribute ApplicationForm form,
      Model model) {
    AccountId applicant = access.applicant(http, tenant);
    try {
      partners.apply(
          tenant,
          Partners.slugOf(Optional.ofNullable(form.displayName()).orElse("")),
          form.profile(),
          applicant,
          access.principalIn(http, tenant));
    } catch (BusinessProblem problem) {
      response.setStatus(Problems.status(problem));
      model.addAttribute("problem", problem.getMessage());
      model.addAttribute("sent", false);
      return show(model, form);
    }
    return "redirect:/partner/bewerben?sent";
  }

  private static String show(Model model, ApplicationForm form) {
    model.addAttribute("form", form);
    model.addAttribute("kinds", Arrays.stream(PartnerKind.values()).map(Enum::name).toList());
    return "workplace/apply";
  }
}
