package org.sundwerk.portal.offer;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Operation;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.catalog.ServiceId;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.offer.Offer;
import org.sundwerk.business.offer.OfferId;
import org.sundwerk.business.offer.OfferStatus;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.offer.Order;
import org.sundwerk.business.offer.OrderId;
import org.sundwerk.business.offer.Ordering;
import org.sundwerk.business.offer.Orders;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalProperties;

/**
 * A service's offers ({@code /dienste/{service}/angebote}), ordering one with consent to its terms
 * ({@code .../{offer}/bestellen}; a data product's key is shown once on the answer), and one's own
 * orders with cancelling ({@code /konto/bestellungen}). The portal's default tenant; the access
 * policy decides through {@link PortalAccess}.
 */
@Controller
final class OfferController {

  static final String ORDERS = "/konto/bestellungen";

  private final Offers offers;
  private final Orders orders;
  private final Ordering ordering;
  private final PortalAccess access;
  private final PortalProperties portal;
  private final MessageSource messages;

  private final Services services;

  OfferController(
      Offers offers,
      Orders orders,
      Ordering ordering,
      PortalAccess access,
      PortalProperties portal,
      MessageSource messages,
      Services services) {
    this.services = services;
    this.offers = offers;
    this.orders = orders;
    this.ordering = ordering;
    this.access = access;
    this.portal = portal;
    this.messages = messages;
  }

  private TenantId tenant() {
    return TenantId.of(portal.defaultTenant());
  }

  /** The catalog's name of the service in the reader's language; its id if the catalog has none. */
  private String serviceName(String service, Locale locale) {
    try {
      return services
          .find(tenant(), new ServiceId(service))
          .map(found -> found.draft().name().in(locale))
          .orElse(service);
    } catch (IllegalArgumentException notAnId) {
      return service;
    }
  }

  private OfferRows rows(Locale locale) {
    return new OfferRows(messages, locale, portal.zone());
  }

  @GetMapping("/dienste/{service}/angebote")
  String offers(HttpServletRequest http, @PathVariable String service, Locale locale, Model model) {
    access.page(http);
    require(http, AccessRequest.of(tenant(), Operation.READ, Resource.SERVICES));
    OfferRows rows = rows(locale);
    model.addAttribute("service", service);
    model.addAttribute("serviceName", serviceName(service, locale));
    model.addAttribute(
        "offers",
        offers.list(tenant(), Offers.Filter.published().ofService(service)).stream()
            .map(rows::offer)
            .toList());
    return "offer/offers";
  }

  @GetMapping("/dienste/{service}/angebote/{offer}/bestellen")
  String orderForm(
      HttpServletRequest http,
      @PathVariable String service,
      @PathVariable String offer,
      Locale locale,
      Model model) {
    access.page(http);
    require(http, AccessRequest.of(tenant(), Operation.READ, Resource.SERVICES));
    Offer found = published(service, offer);
    model.addAttribute("service", service);
    model.addAttribute("offer", rows(locale).offer(found));
    model.addAttribute("terms", found.terms().markdown().in(locale));
    return "offer/order";
  }

  @PostMapping("/dienste/{service}/angebote/{offer}/bestellen")
  String order(
      HttpServletRequest http,
      @PathVariable String service,
      @PathVariable String offer,
      @RequestParam(defaultValue = "0") int termsVersion,
      @RequestParam(defaultValue = "false") boolean consent,
      Locale locale,
      Model model) {
    AccountId account = access.account(http, Operation.WRITE);
    require(http, AccessRequest.of(tenant(), Operation.WRITE, Resource.SERVICES));
    Offer found = published(service, offer);
    if (!consent) {
      model.addAttribute("service", service);
      model.addAttribute("offer", rows(locale).offer(found));
      model.addAttribute("terms", found.terms().markdown().in(locale));
      model.addAttribute("error", "offer.order.consent.missing");
      return "offer/order";
    }
    Ordering.Placed placed =
        ordering.place(
            tenant(), found.id(), account, access.partnerIn(http, tenant()), termsVersion);
    model.addAttribute("order", rows(locale).order(placed.order(), offers));
    model.addAttribute("key", placed.key().map(key -> key.key()).orElse(null));
    return "offer/ordered";
  }

  @GetMapping(ORDERS)
  String myOrders(HttpServletRequest http, Locale locale, Model model) {
    AccountId account = access.account(http, Operation.READ);
    OfferRows rows = rows(locale);
    model.addAttribute(
        "orders",
        orders.ofConsumer(tenant(), account).stream().map(o -> rows.order(o, offers)).toList());
    return "offer/orders";
  }

  @PostMapping(ORDERS + "/{order}/kuendigen")
  String cancel(HttpServletRequest http, @PathVariable String order, RedirectAttributes redirect) {
    AccountId account = access.account(http, Operation.WRITE);
    require(http, AccessRequest.of(tenant(), Operation.WRITE, Resource.SERVICES));
    Order found =
        orders
            .find(tenant(), new OrderId(order))
            .filter(o -> o.consumer().equals(account))
            .orElseThrow(() -> BusinessProblem.notFound("no order " + order));
    Order cancelled = ordering.cancel(tenant(), found.id());
    redirect.addFlashAttribute("cancelled", cancelled.status().name());
    return "redirect:" + ORDERS;
  }

  /** The offer if it is published and of {@code service}, else not found. */
  private Offer published(String service, String offer) {
    return offers
        .find(tenant(), new OfferId(offer))
        .filter(o -> o.status() == OfferStatus.PUBLISHED && o.serviceRef().equals(service))
        .orElseThrow(() -> BusinessProblem.notFound("no offer " + offer));
  }

  private void require(HttpServletRequest http, AccessRequest request) {
    access.require(http, request);
  }
}
