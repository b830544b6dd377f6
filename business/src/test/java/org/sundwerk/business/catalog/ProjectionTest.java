package org.sundwerk.business.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sundwerk.business.Money;

class ProjectionTest {

  @Example
  void aBikeHirePaysBackInMonthSeventeen() {
    // 900 users × 3.90 = 3,510.00; minus 1,850.50 = 1,659.50 a month; 24,000 / 1,659.50 = 14.46.
    Projection projection =
        Projection.of(
            new Figures(Money.euros("24000"), Money.euros("1850.50"), 900, Money.euros("3.90")));

    assertThat(projection.monthlyResult()).isEqualTo(Money.euros("1659.50"));
    assertThat(projection.cumulated().getFirst()).isEqualTo(Money.euros("-22340.50"));
    assertThat(projection.breakEvenMonth()).contains(15);
    assertThat(projection.cumulated().get(14)).isEqualTo(Money.euros("892.50"));
  }

  @Example
  void aFreeServiceWithCostsNeverBreaksEven() {
    Projection projection =
        Projection.of(new Figures(Money.zero(), Money.euros("100"), 5000, Money.zero()));

    assertThat(projection.monthlyResult()).isEqualTo(Money.euros("-100"));
    assertThat(projection.breakEvenMonth()).isEmpty();
  }

  @Property
  void cumulatedGrowsByTheMonthlyResultFromMinusTheOneOffCosts(@ForAll("figures") Figures figures) {
    Projection projection = Projection.of(figures);

    assertThat(projection.cumulated()).hasSize(Projection.MONTHS);
    for (int month = 1; month <= Projection.MONTHS; month++) {
      assertThat(projection.cumulated().get(month - 1))
          .isEqualTo(
              Money.zero()
                  .minus(figures.oneOffCosts())
                  .plus(projection.monthlyResult().times(month)));
    }
    assertThat(projection.monthlyResult())
        .isEqualTo(
            figures.pricePerUser().times(figures.usersPerMonth()).minus(figures.monthlyCosts()));
  }

  @Property
  void breakEvenIsTheFirstMonthThatIsNotNegative(@ForAll("figures") Figures figures) {
    Projection projection = Projection.of(figures);

    int first = -1;
    for (int month = 1; month <= Projection.MONTHS; month++) {
      if (!projection.cumulated().get(month - 1).isNegative()) {
        first = month;
        break;
      }
    }
    if (first < 0) {
      assertThat(projection.breakEvenMonth()).isEmpty();
    } else {
      assertThat(projection.breakEvenMonth()).contains(first);
      // Once even, a service whose month earns stays even.
      if (!projection.monthlyResult().isNegative()) {
        assertThat(projection.cumulated().subList(first - 1, Projection.MONTHS))
            .noneMatch(Money::isNegative);
      }
    }
  }

  @Property
  void aLossEveryMonthNeverBreaksEvenAfterOneOffCosts(@ForAll("figures") Figures figures) {
    Projection projection = Projection.of(figures);
    if (projection.monthlyResult().isNegative()) {
      assertThat(projection.breakEvenMonth()).isEmpty();
    }
  }

  @Provide
  Arbitrary<Figures> figures() {
    Arbitrary<Money> money =
        Arbitraries.bigDecimals()
            .between(BigDecimal.ZERO, new BigDecimal("250000"))
            .ofScale(2)
            .map(Money::of);
    return net.jqwik.api.Combinators.combine(
            money,
            money,
            Arbitraries.longs().between(0, 200_000),
            money.map(m -> m.times(new BigDecimal("0.001"))))
        .as(Figures::new);
  }
}
