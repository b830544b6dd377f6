package org.sundwerk.business.offer;

import java.util.Objects;
import java.util.Optional;
import org.sundwerk.access.PartnerId;
import org.sundwerk.business.Money;

/**
 * How an offer is paid for. Amounts are net EUR; the offer's price carries the VAT rate. Who pays
 * differs: the consumer (subscription, metered, freemium beyond its quota), a sponsor for everyone,
 * or the city as a public service.
 */
public sealed interface BusinessModel {

  /** Nobody pays. */
  record Free() implements BusinessModel {}

  /** The consumer pays {@code price} per period and may cancel with notice after a minimum term. */
  record Subscription(Period period, Money price, int noticeDays, int minimumTermMonths)
      implements BusinessModel {
    public Subscription {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(price, "price");
      if (price.isNegative() || noticeDays < 0 || minimumTermMonths < 0) {
        throw new IllegalArgumentException("price, notice and minimum term are 0 or more");
      }
    }
  }

  /** The consumer pays per unit used in a month, graduated by {@code tiers}. */
  record Metered(Unit unit, Tiers tiers) implements BusinessModel {
    public Metered {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(tiers, "tiers");
    }
  }

  /**
   * The first {@code includedPerMonth} units of a month are free; beyond them the consumer pays by
   * {@code beyond}'s tiers (counted from the first unit over the quota), or, when {@code beyond} is
   * empty, further use is blocked.
   */
  record Freemium(Unit unit, long includedPerMonth, Optional<Tiers> beyond)
      implements BusinessModel {
    public Freemium {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(beyond, "beyond");
      if (includedPerMonth < 0) {
        throw new IllegalArgumentException("the included quota is 0 or more");
      }
    }
  }

  /** {@code sponsor} pays {@code pricePerMonth} so that everyone uses the offer for free. */
  record Sponsored(PartnerId sponsor, Money pricePerMonth) implements BusinessModel {
    public Sponsored {
      Objects.requireNonNull(sponsor, "sponsor");
      Objects.requireNonNull(pricePerMonth, "pricePerMonth");
      if (pricePerMonth.isNegative()) {
        throw new IllegalArgumentException("a price is 0 or more");
      }
    }
  }

  /** The city ({@code payer}) pays {@code pricePerMonth} for a service free to its residents. */
  record PublicService(PartnerId payer, Money pricePerMonth) implements BusinessModel {
    public PublicService {
      Objects.requireNonNull(payer, "payer");
      Objects.requireNonNull(pricePerMonth, "pricePerMonth");
      if (pricePerMonth.isNegative()) {
        throw new IllegalArgumentException("a price is 0 or more");
      }
    }
  }

  /** The billing period of a subscription. */
  enum Period {
    MONTHLY(1),
    YEARLY(12);

    private final int months;

    Period(int months) {
      this.months = months;
    }

    public int months() {
      return months;
    }
  }

  /** What a metered offer counts. */
  enum Unit {
    API_CALL,
    BOOKING,
    KWH,
    PARKING_HOUR,
    /** An hour of hire (a bike, a boat). */
    RENTAL_HOUR
  }

  /**
   * What the consumer owes net for using {@code quantity} units in one month, beside any fixed
   * subscription price: the metered tiers, or the tiers beyond a freemium quota; nothing for the
   * other models (and nothing beyond a blocking quota, whose excess requests are refused).
   */
  static Money quote(BusinessModel model, long quantity) {
    if (quantity < 0) {
      throw new IllegalArgumentException("a quantity is 0 or more: " + quantity);
    }
    return switch (model) {
      case Metered metered -> metered.tiers().quote(quantity);
      case Freemium freemium ->
          freemium
              .beyond()
              .map(tiers -> tiers.quote(Math.max(0, quantity - freemium.includedPerMonth())))
              .orElse(Money.zero());
      case Free free -> Money.zero();
      case Subscription subscription -> Money.zero();
      case Sponsored sponsored -> Money.zero();
      case PublicService publicService -> Money.zero();
    };
  }

  /**
   * Whether the consumer commits to pay for periods ahead: only then does a cancellation wait for
   * the end of a period; every other order ends the moment it is cancelled.
   */
  static boolean bindsPeriods(BusinessModel model) {
    return model instanceof Subscription;
  }
}
