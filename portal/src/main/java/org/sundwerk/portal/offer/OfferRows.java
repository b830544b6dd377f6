package org.sundwerk.portal.offer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.offer.Offer;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.offer.Order;
import org.sundwerk.business.offer.OrderStatus;

/** Offers and orders as the templates show them, in the reader's language. */
final class OfferRows {

  /** One offer: its plain-words price and VAT. */
  record OfferRow(
      String id,
      String service,
      String name,
      String model,
      String vat,
      String status,
      boolean dataProduct,
      int termsVersion) {}

  /** One order: what was bought at which price, and where it stands. */
  record OrderRow(
      String id,
      String offerId,
      String service,
      String name,
      String model,
      String status,
      String start,
      String periodEnd,
      String ends,
      String actingFor,
      boolean cancellable) {}

  private final OfferWords words;
  private final Locale locale;
  private final ZoneId zone;

  OfferRows(MessageSource messages, Locale locale, ZoneId zone) {
    this.words = new OfferWords(messages, locale);
    this.locale = locale;
    this.zone = zone;
  }

  OfferRow offer(Offer offer) {
    return new OfferRow(
        offer.id().value(),
        offer.serviceRef(),
        offer.name().in(locale),
        words.model(offer.price().model()),
        words.vat(offer.price()),
        offer.status().name(),
        offer.dataProduct().isPresent(),
        offer.terms().version());
  }

  /** An order with the price version it bought (a later price change does not show here). */
  OrderRow order(Order order, Offers offers) {
    TenantId tenant = order.tenant();
    Optional<Offer> offer = offers.find(tenant, order.offer());
    String model =
        offers
            .price(tenant, order.offer(), order.priceVersion())
            .map(price -> words.model(price.model()) + " (" + words.vat(price) + ")")
            .orElse("");
    return new OrderRow(
        order.id().value(),
        order.offer().value(),
        offer.map(Offer::serviceRef).orElse(""),
        offer.map(o -> o.name().in(locale)).orElse(order.offer().value()),
        model,
        order.status().name(),
        date(order.start()),
        date(order.periodEnd()),
        order.cancellation().map(c -> date(c.effectiveAt())).orElse(null),
        order.actingFor().map(p -> p.value()).orElse(null),
        order.status() == OrderStatus.ACTIVE);
  }

  private String date(Instant instant) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(locale)
        .format(instant.atZone(zone));
  }
}
