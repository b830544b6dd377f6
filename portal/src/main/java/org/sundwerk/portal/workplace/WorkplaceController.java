package org.sundwerk.portal.workplace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.partner.Onboarding;
import org.sundwerk.business.partner.Partner;
import org.sundwerk.business.partner.PartnerStatus;
import org.sundwerk.business.partner.Partners;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalProperties;
import org.sundwerk.portal.legal.Markdown;

/**
 * {@code /werkstatt}: the partner workplace of the signed-in member: the partner's profile and
 * status, the terms its owner accepts once approved, and its members, whom owners add and remove.
 * Services, offers and orders have pages of their own under {@code /werkstatt/...}.
 */
@Controller
final class WorkplaceController {

  private final PortalAccess access;
  private final Partners partners;
  private final Onboarding onboarding;
  private final TenantId tenant;

  WorkplaceController(
      PortalAccess access, Partners partners, Onboarding onboarding, PortalProperties portal) {
    this.access = access;
    this.partners = partners;
    this.onboarding = onboarding;
    this.tenant = TenantId.of(portal.defaultTenant());
  }

  @GetMapping("/werkstatt")
  String home(
      HttpServletRequest http, @RequestParam Optional<String> done, Locale locale, Model model) {
    Actor.PartnerMember member = access.member(http, tenant, Operation.READ);
    done.filter(key -> key.matches("[a-z-]{1,20}"))
        .ifPresent(key -> model.addAttribute("done", key));
    return show(member, locale, model);
  }

  /** The owner accepts the terms in force, by their version (the one the page showed). */
  @PostMapping("/werkstatt/bedingungen")
  String acceptTerms(
      HttpServletRequest http,
      HttpServletResponse response,
      @RequestParam int version,
      Locale locale,
      Model model) {
    return asOwner(
        http,
        response,
        locale,
        model,
        "terms",
        (partner, owner) ->
            partners.acceptTerms(
                tenant, partner, version, owner, access.principalIn(http, tenant)));
  }

  @PostMapping("/werkstatt/mitglieder")
  String addMember(
      HttpServletRequest http,
      HttpServletResponse response,
      @RequestParam String email,
      @RequestParam String role,
      Locale locale,
      Model model) {
    return asOwner(
        http,
        response,
        locale,
        model,
        "member-added",
        (partner, owner) -> onboarding.add(tenant, partner, email, role(role)));
  }

  @PostMapping("/werkstatt/mitglieder/entfernen")
  String removeMember(
      HttpServletRequest http,
      HttpServletResponse response,
      @RequestParam String account,
      Locale locale,
      Model model) {
    return asOwner(
        http,
        response,
        locale,
        model,
        "member-removed",
        (partner, owner) -> onboarding.remove(tenant, partner, new AccountId(account)));
  }

  /**
   * Runs {@code step} for the partner of the signed-in owner, then back to the workplace with
   * {@code done}; a refused step shows the workplace again with the problem.
   */
  private String asOwner(
      HttpServletRequest http,
      HttpServletResponse response,
      Locale locale,
      Model model,
      String done,
      BiConsumer<PartnerId, AccountId> step) {
    Actor.PartnerMember member = access.member(http, tenant, Operation.WRITE);
    AccountId owner = access.owner(http, tenant, member.partner());
    try {
      step.accept(member.partner(), owner);
    } catch (BusinessProblem problem) {
      response.setStatus(Problems.status(problem));
      model.addAttribute("problem", problem.getMessage());
      return show(member, locale, model);
    }
    return "redirect:/werkstatt?done=" + done;
  }

  private String show(Actor.PartnerMember member, Locale locale, Model model) {
    Optional<Partner> found = partners.find(tenant, member.partner());
    if (found.isEmpty()) {
      // A role granted by an operator before the partner applied (the access configuration
      // knows partners the business tables may not hold yet).
      model.addAttribute("partnerId", member.partner().value());
      return "workplace/unknown";
    }
    Partner partner = found.get();
    boolean owner = member.role() == PartnerRole.OWNER;
    model.addAttribute("partner", partner);
    model.addAttribute("owner", owner);
    model.addAttribute("roleKey", "partner.role." + Problems.lower(member.role()));
    model.addAttribute("members", onboarding.members(tenant, member.partner()));
    if (partner.status() == PartnerStatus.APPROVED) {
      partners
          .currentTerms(tenant)
          .ifPresent(
              terms -> {
                model.addAttribute("terms", terms);
                model.addAttribute("termsHtml", Markdown.html(terms.text().in(locale)));
              });
    }
    return "workplace/workplace";
  }

  private static PartnerRole role(String role) {
    try {
      return PartnerRole.valueOf(role);
    } catch (IllegalArgumentException e) {
      throw BusinessProblem.invalid("choose owner, editor or viewer");
    }
  }
}
