package org.sundwerk.business.offer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One step of a graduated price: every unit after the first {@code from} units of a month costs
 * {@code unitPrice} EUR net, until the next tier starts. Unit prices keep four decimals (0.0020 EUR
 * per API call).
 */
public record Tier(long from, BigDecimal unitPrice) {

  public static final int PRICE_SCALE = 4;

  public Tier {
    Objects.requireNonNull(unitPrice, "unitPrice");
    if (from < 0) {
      throw new IllegalArgumentException("a tier starts at 0 units or more: " + from);
    }
    if (unitPrice.signum() < 0) {
      throw new IllegalArgumentException("a unit price is 0 or more: " + unitPrice);
    }
    if (unitPrice.stripTrailingZeros().scale() > PRICE_SCALE) {
      throw new IllegalArgumentException("a unit price has at most 4 decimals: " + unitPrice);
    }
    unitPrice = unitPrice.setScale(PRICE_SCALE, RoundingMode.UNNECESSARY);
  }

  public static Tier of(long from, String unitPrice) {
    return new Tier(from, new BigDecimal(unitPrice));
  }
}
