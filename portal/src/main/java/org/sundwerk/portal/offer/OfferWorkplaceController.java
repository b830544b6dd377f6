package org.sundwerk.portal.offer;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.offer.BusinessModel;
import org.sundwerk.business.offer.Offer;
import org.sundwerk.business.offer.OfferDraft;
import org.sundwerk.business.offer.OfferId;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.offer.Orders;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalProperties;

/**
 * The partner workplace for offers: the offers of one's partner with a form for new ones, editing
 * and publish/withdraw ({@code /werkstatt/angebote}), and the orders placed on them ({@code
 * /werkstatt/bestellungen}). The partner is the one the signed-in member belongs to; operators name
 * it with {@code ?partner=}. Reading needs a member of it, writing a member who writes (the policy
 * decides, through {@link PortalAccess}).
 */
@Controller
final class OfferWorkplaceController {

  static final String OFFERS = "/werkstatt/angebote";

  private final Offers offers;
  private final Orders orders;
  private final PortalAccess access;
  private final PortalProperties portal;
  private final MessageSource messages;

  OfferWorkplaceController(
      Offers offers,
      Orders orders,
      PortalAccess access,
      PortalProperties portal,
      MessageSource messages) {
    this.offers = offers;
    this.orders = orders;
    this.access = access;
    this.portal = portal;
    this.messages = messages;
  }

  private TenantId tenant() {
    return TenantId.of(portal.defaultTenant());
  }

  /** The partner whose workplace this is, after the policy allowed {@code operation} on it. */
  private PartnerId partner(HttpServletRequest http, Optional<String> named, Operation operation) {
    access.account(http, Operation.READ);
    PartnerId partner =
        named
            .filter(name -> !name.isBlank())
            .map(PartnerId::new)
            .or(() -> access.partnerIn(http, tenant()))
            .orElseThrow(() -> BusinessProblem.notFound("no partner workplace for this account"));
    access.require(http, AccessRequest.ofPartner(tenant(), operation, partner));
    return partner;
  }

  @GetMapping(OFFERS)
  String offers(
      HttpServletRequest http, @RequestParam Optional<String> partner, Locale locale, Model model) {
    PartnerId id = partner(http, partner, Operation.READ);
    show(model, id, locale);
    model.addAttribute("form", OfferForm.empty());
    return "offer/workplace";
  }

  private void show(Model model, PartnerId partner, Locale locale) {
    OfferRows rows = new OfferRows(messages, locale, portal.zone());
    List<Offer> own = offers.list(tenant(), Offers.Filter.ofProvider(partner));
    model.addAttribute("partner", partner.value());
    model.addAttribute("offers", own.stream().map(rows::offer).toList());
    model.addAttribute(
        "editable",
        own.stream()
            .filter(offer -> OfferForm.of(offer).isPresent())
            .map(offer -> offer.id().value())
            .collect(Collectors.toSet()));
    model.addAttribute("units", BusinessModel.Unit.values());
  }

  /** The offer of {@code partner}, else not found. */
  private Offer own(PartnerId partner, String offer) {
    return offers
        .find(tenant(), new OfferId(offer))
        .filter(found -> found.provider().equals(partner))
        .orElseThrow(
            () -> BusinessProblem.notFound("no offer " + offer + " of " + partner.value()));
  }

  @GetMapping(OFFERS + "/{offer}/bearbeiten")
  String editForm(
      HttpServletRequest http,
      @RequestParam Optional<String> partner,
      @PathVariable String offer,
      Model model) {
    Offer found = own(partner(http, partner, Operation.WRITE), offer);
    model.addAttribute(
        "form",
        OfferForm.of(found)
            .orElseThrow(() -> BusinessProblem.conflict("edit graduated tiers through the API")));
    return editPage(model, found);
  }

  private String editPage(Model model, Offer offer) {
    model.addAttribute("offerId", offer.id().value());
    model.addAttribute("name", offer.name().de());
    model.addAttribute("units", BusinessModel.Unit.values());
    return "offer/edit";
  }

  /**
   * Saves an edit: new terms or a new price become a new version (a new price valid from today);
   * the offer's id cannot change.
   */
  @PostMapping(OFFERS + "/{offer}/bearbeiten")
  String edit(
      HttpServletRequest http,
      @RequestParam Optional<String> partner,
      @PathVariable String offer,
      @ModelAttribute OfferForm form,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    Offer found = own(partner(http, partner, Operation.WRITE), offer);
    Offer revised;
    try {
      OfferDraft draft = form.draft(found.price().validFrom());
      if (!draft.model().equals(found.price().model()) || draft.vat() != found.price().vat()) {
        draft = form.draft(LocalDate.now(portal.zone()));
      }
      revised = offers.revise(tenant(), found.id(), draft);
    } catch (IllegalArgumentException | BusinessProblem e) {
      model.addAttribute("form", form);
      model.addAttribute("formError", e.getMessage());
      return editPage(model, found);
    }
    redirect.addFlashAttribute("revised", revised.name().in(locale));
    return "redirect:" + back(partner);
  }

  @PostMapping(OFFERS)
  String create(
      HttpServletRequest http,
      @RequestParam Optional<String> partner,
      @ModelAttribute OfferForm form,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    PartnerId id = partner(http, partner, Operation.WRITE);
    Offer created;
    try {
      OfferId offerId =
          form.id() == null || form.id().isBlank()
              ? OfferId.random()
              : new OfferId(form.id().strip());
      created = offers.create(tenant(), offerId, id, form.draft(LocalDate.now(portal.zone())));
    } catch (IllegalArgumentException | BusinessProblem e) {
      show(model, id, locale);
      model.addAttribute("form", form);
      model.addAttribute("formError", e.getMessage());
      return "offer/workplace";
    }
    redirect.addFlashAttribute("created", created.name().in(locale));
    return "redirect:" + back(partner);
  }

  @PostMapping(OFFERS + "/{offer}/{step:veroeffentlichen|zurueckziehen}")
  String move(
      HttpServletRequest http,
      @RequestParam Optional<String> partner,
      @PathVariable String offer,
      @PathVariable String step,
      RedirectAttributes redirect) {
    Offer found = own(partner(http, partner, Operation.WRITE), offer);
    Offer moved =
        step.equals("veroeffentlichen")
            ? offers.publish(tenant(), found.id())
            : offers.withdraw(tenant(), found.id());
    redirect.addFlashAttribute("moved", moved.status().name());
    return "redirect:" + back(partner);
  }

  @GetMapping("/werkstatt/bestellungen")
  String orders(
      HttpServletRequest http, @RequestParam Optional<String> partner, Locale locale, Model model) {
    PartnerId id = partner(http, partner, Operation.READ);
    OfferRows rows = new OfferRows(messages, locale, portal.zone());
    model.addAttribute("partner", id.value());
    model.addAttribute(
        "orders",
        orders.ofProvider(tenant(), id).stream().map(o -> rows.order(o, offers)).toList());
    return "offer/workplace-orders";
  }

  private static String back(Optional<String> partner) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(OFFERS);
    partner.filter(p -> !p.isBlank()).ifPresent(p -> uri.queryParam("partner", p));
    return uri.encode().build().toUriString();
  }
}
