package org.sundwerk.business.catalog;

import java.util.Objects;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Money;

/**
 * The expected figures of a service's business model, all net of VAT, in EUR.
 *
 * @param oneOffCosts what it costs to start (development, hardware), spent in month 0
 * @param monthlyCosts what running it costs each month
 * @param usersPerMonth how many users it is expected to have each month
 * @param pricePerUser what each user is expected to bring each month (zero for a free service; what
 *     a sponsor or the city pays per user counts here too)
 */
public record Figures(
    Money oneOffCosts, Money monthlyCosts, long usersPerMonth, Money pricePerUser) {

  public Figures {
    Objects.requireNonNull(oneOffCosts, "oneOffCosts");
    Objects.requireNonNull(monthlyCosts, "monthlyCosts");
    Objects.requireNonNull(pricePerUser, "pricePerUser");
    if (oneOffCosts.isNegative()
        || monthlyCosts.isNegative()
        || pricePerUser.isNegative()
        || usersPerMonth < 0) {
      throw BusinessProblem.invalid("costs, users and prices are zero or more");
    }
    if (usersPerMonth > 100_000_000L) {
      throw BusinessProblem.invalid("at most 100,000,000 users per month");
    }
  }

  public static Figures none() {
    return new Figures(Money.zero(), Money.zero(), 0, Money.zero());
  }
}
