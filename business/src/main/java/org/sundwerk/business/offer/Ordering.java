package org.sundwerk.business.offer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.key.ApiKeys;
import org.sundwerk.access.key.CreatedKey;
import org.sundwerk.business.BusinessProblem;

/**
 * The rules of ordering and cancelling. An order needs a published offer whose current price is
 * valid today and consent to the current terms version; it keeps that price version for good. A
 * data product's order issues an API key scoped to the offer's tenant, READ and its entity types,
 * with the product's rate limit. A subscription ends at the end of a period, after the notice
 * period and minimum term; every other order ends the moment it is cancelled. Ending revokes the
 * key at once. Periods are calendar months in Europe/Berlin from the order's start. Thread-safe.
 */
public final class Ordering {

  /** The zone of periods and price validity dates. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private final Offers offers;
  private final Orders orders;
  private final ApiKeys keys;
  private final Clock clock;

  public Ordering(Offers offers, Orders orders, ApiKeys keys, Clock clock) {
    this.offers = Objects.requireNonNull(offers, "offers");
    this.orders = Objects.requireNonNull(orders, "orders");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A new order and, for a data product, its key: the only time the key's secret is shown. */
  public record Placed(Order order, Optional<CreatedKey> key) {}

  /**
   * Orders {@code offerId} for {@code consumer}, acting for {@code actingFor} when present, who
   * accepted version {@code acceptedTerms} of the terms.
   */
  public Placed place(
      TenantId tenant,
      OfferId offerId,
      AccountId consumer,
      Optional<PartnerId> actingFor,
      int acceptedTerms) {
    Offer offer = offers.get(tenant, offerId);
    Instant now = now();
    if (offer.status() != OfferStatus.PUBLISHED) {
      throw BusinessProblem.conflict("offer " + offerId.value() + " is not open for orders");
    }
    if (!offer.price().validOn(LocalDate.ofInstant(now, ZONE))) {
      throw BusinessProblem.conflict(
          "the price of offer " + offerId.value() + " is not valid today");
    }
    if (acceptedTerms != offer.terms().version()) {
      throw BusinessProblem.conflict(
          "accept the current terms, version " + offer.terms().version() + ", to order");
    }
    Optional<CreatedKey> key =
        offer
            .dataProduct()
            .map(
                product ->
                    keys.create(
                        consumer,
                        actingFor,
                        "Angebot " + offer.name().de(),
                        new KeyScope(
                            Set.of(tenant),
                            Set.of(Operation.READ),
                            product.entityTypes(),
                            Optional.of(product.requestsPerMinute()))));
    Order order =
        new Order(
            OrderId.random(),
            tenant,
            offerId,
            offer.price().version(),
            consumer,
            actingFor,
            new Order.Consent(acceptedTerms, now),
            now,
            periodEnd(now, offer.price().model(), 1),
            Optional.empty(),
            OrderStatus.ACTIVE,
            key.map(CreatedKey::id));
    try {
      orders.add(order);
    } catch (RuntimeException e) {
      key.ifPresent(created -> keys.revoke(created.id()));
      throw e;
    }
    return new Placed(order, key);
  }

  /**
   * Cancels an active order: a subscription at the first period end after the notice period and the
   * minimum term, any other order now (revoking its key).
   */
  public Order cancel(TenantId tenant, OrderId id) {
    Order order =
        orders
            .find(tenant, id)
            .orElseThrow(() -> BusinessProblem.notFound("no order " + id.value()));
    if (order.status() != OrderStatus.ACTIVE) {
      throw BusinessProblem.conflict("order " + id.value() + " is already cancelled");
    }
    Instant now = now();
    BusinessModel model = boughtModel(order);
    Instant effective = effectiveEnd(order.start(), model, now);
    boolean immediately = !effective.isAfter(now);
    if (!orders.cancel(
        order,
        new Order.Cancellation(now, effective),
        immediately ? OrderStatus.ENDED : OrderStatus.CANCELLED_PENDING)) {
      throw BusinessProblem.conflict("order " + id.value() + " is already cancelled");
    }
    if (immediately) {
      order.key().ifPresent(keys::revoke);
    }
    return orders.find(tenant, id).orElseThrow();
  }

  /**
   * Takes the steps that are due now: ends cancelled orders whose end has come (revoking their
   * keys) and renews active ones whose period ended. Returns how many orders changed. Safe to run
   * on several nodes at once: each step is a conditional update.
   */
  public int settle() {
    Instant now = now();
    int changed = 0;
    for (Order order : orders.due(now)) {
      if (order.status() == OrderStatus.CANCELLED_PENDING) {
        if (orders.end(order)) {
          order.key().ifPresent(keys::revoke);
          changed++;
        }
      } else {
        BusinessModel model = boughtModel(order);
        Instant end = order.periodEnd();
        for (int n = 2; !end.isAfter(now); n++) {
          end = periodEnd(order.start(), model, n);
        }
        changed += orders.renew(order, end) ? 1 : 0;
      }
    }
    return changed;
  }

  /** Now, at the millisecond precision the tables keep, so a placed order equals its stored row. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private BusinessModel boughtModel(Order order) {
    return offers
        .price(order.tenant(), order.offer(), order.priceVersion())
        .orElseThrow(() -> new IllegalStateException("order without its price: " + order.id()))
        .model();
  }

  /** The end of the {@code n}-th period from {@code start}: months of a subscription, else one. */
  static Instant periodEnd(Instant start, BusinessModel model, int n) {
    int months =
        model instanceof BusinessModel.Subscription subscription
            ? subscription.period().months()
            : 1;
    return ZonedDateTime.ofInstant(start, ZONE).plusMonths((long) months * n).toInstant();
  }

  /** When an order started at {@code start} and cancelled {@code now} ends. */
  static Instant effectiveEnd(Instant start, BusinessModel model, Instant now) {
    if (!(model instanceof BusinessModel.Subscription subscription)) {
      return now;
    }
    ZonedDateTime earliest = ZonedDateTime.ofInstant(now, ZONE).plusDays(subscription.noticeDays());
    ZonedDateTime minimum =
        ZonedDateTime.ofInstant(start, ZONE).plusMonths(subscription.minimumTermMonths());
    if (minimum.isAfter(earliest)) {
      earliest = minimum;
    }
    Instant end = periodEnd(start, model, 1);
    for (int n = 2; end.isBefore(earliest.toInstant()); n++) {
      end = periodEnd(start, model, n);
    }
    return end;
  }
}
