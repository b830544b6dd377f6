package org.sundwerk.business.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sundwerk.business.Money;

/**
 * What a service's figures promise over {@value #MONTHS} months: the same result each month
 * (revenue from the expected users minus the monthly costs) and the cumulated result after each
 * month, which starts at minus the one-off costs. A pure function of the {@link Figures}.
 *
 * @param monthlyResult revenue minus monthly costs, per month
 * @param cumulated the cumulated result after month 1, 2, ... {@value #MONTHS} (index 0 is month 1)
 * @param breakEvenMonth the first month (1-based) whose cumulated result is zero or more; empty if
 *     none within {@value #MONTHS} months
 */
public record Projection(
    Money monthlyResult, List<Money> cumulated, Optional<Integer> breakEvenMonth) {

  public static final int MONTHS = 36;

  public Projection {
    cumulated = List.copyOf(cumulated);
  }

  public static Projection of(Figures figures) {
    Money revenue = figures.pricePerUser().times(figures.usersPerMonth());
    Money monthly = revenue.minus(figures.monthlyCosts());
    List<Money> cumulated = new ArrayList<>(MONTHS);
    Money sum = Money.zero().minus(figures.oneOffCosts());
    Optional<Integer> breakEven = Optional.empty();
    for (int month = 1; month <= MONTHS; month++) {
      sum = sum.plus(monthly);
      cumulated.add(sum);
      if (breakEven.isEmpty() && !sum.isNegative()) {
        breakEven = Optional.of(month);
      }
    }
    return new Projection(monthly, cumulated, breakEven);
  }
}
