package org.sundwerk.business.offer;

import java.math.BigDecimal;
import java.util.List;
import org.sundwerk.business.Money;

/**
 * A graduated price list: tiers in ascending order of {@link Tier#from}, the first from 0. Each
 * unit costs the price of the tier it falls in (not the tier the total reaches), so a higher
 * quantity never costs less.
 */
public record Tiers(List<Tier> tiers) {

  public Tiers {
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty() || tiers.getFirst().from() != 0) {
      throw new IllegalArgumentException("the first tier starts at 0 units");
    }
    for (int i = 1; i < tiers.size(); i++) {
      if (tiers.get(i).from() <= tiers.get(i - 1).from()) {
        throw new IllegalArgumentException("tiers start at strictly ascending quantities");
      }
    }
  }

  public static Tiers of(Tier... tiers) {
    return new Tiers(List.of(tiers));
  }

  /**
   * The net price of {@code quantity} units in one month: the exact sum over the tiers, rounded
   * half up to cents once at the end (rounding each unit would lose 0.002 EUR calls entirely).
   */
  public Money quote(long quantity) {
    if (quantity < 0) {
      throw new IllegalArgumentException("a quantity is 0 or more: " + quantity);
    }
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < tiers.size(); i++) {
      Tier tier = tiers.get(i);
      long end = i + 1 < tiers.size() ? Math.min(quantity, tiers.get(i + 1).from()) : quantity;
      if (end <= tier.from()) {
        break;
      }
      total = total.add(tier.unitPrice().multiply(BigDecimal.valueOf(end - tier.from())));
    }
    return Money.of(total);
  }
}
