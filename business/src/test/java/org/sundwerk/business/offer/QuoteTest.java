package org.sundwerk.business.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.sundwerk.business.Money;

/** {@link BusinessModel#quote}: graduated tiers against a unit-by-unit reference. */
class QuoteTest {

  @Provide
  Arbitrary<Tiers> tiers() {
    Arbitrary<Long> gaps = Arbitraries.longs().between(1, 50);
    Arbitrary<BigDecimal> prices =
        Arbitraries.integers().between(0, 50_000).map(n -> BigDecimal.valueOf(n, 4));
    return Combinators.combine(gaps.list().ofMaxSize(4), prices.list().ofSize(5))
        .as(
            (steps, unitPrices) -> {
              List<Tier> list = new ArrayList<>(List.of(new Tier(0, unitPrices.getFirst())));
              long from = 0;
              for (int i = 0; i < steps.size(); i++) {
                from += steps.get(i);
                list.add(new Tier(from, unitPrices.get(i + 1)));
              }
              return new Tiers(list);
            });
  }

  /** Each unit at the price of the tier its number falls in, summed exactly, rounded once. */
  private static Money reference(Tiers tiers, long quantity) {
    BigDecimal sum = BigDecimal.ZERO;
    for (long unit = 0; unit < quantity; unit++) {
      BigDecimal price = BigDecimal.ZERO;
      for (Tier tier : tiers.tiers()) {
        if (unit >= tier.from()) {
          price = tier.unitPrice();
        }
      }
      sum = sum.add(price);
    }
    return Money.of(sum);
  }

  @Property
  void meteredQuoteIsTheSumOfEachUnitsTierPrice(
      @ForAll("tiers") Tiers tiers, @ForAll @LongRange(min = 0, max = 300) long quantity) {
    BusinessModel model = new BusinessModel.Metered(BusinessModel.Unit.API_CALL, tiers);
    assertThat(BusinessModel.quote(model, quantity)).isEqualTo(reference(tiers, quantity));
  }

  @Property
  void moreUnitsNeverCostLess(
      @ForAll("tiers") Tiers tiers,
      @ForAll @LongRange(min = 0, max = 1_000_000) long quantity,
      @ForAll @IntRange(min = 0, max = 1000) int more) {
    assertThat(tiers.quote(quantity + more)).isGreaterThanOrEqualTo(tiers.quote(quantity));
  }

  @Property
  void freemiumChargesOnlyTheUnitsBeyondItsQuota(
      @ForAll("tiers") Tiers tiers,
      @ForAll @LongRange(min = 0, max = 200) long included,
      @ForAll @LongRange(min = 0, max = 400) long quantity) {
    BusinessModel model =
        new BusinessModel.Freemium(BusinessModel.Unit.API_CALL, included, Optional.of(tiers));
    assertThat(BusinessModel.quote(model, quantity))
        .isEqualTo(reference(tiers, Math.max(0, quantity - included)));
  }

  @Test
  void theDemoDataOfferCostsTwoEurosForThousandCallsOverItsQuota() {
    BusinessModel model =
        new BusinessModel.Freemium(
            BusinessModel.Unit.API_CALL, 1000, Optional.of(Tiers.of(Tier.of(0, "0.002"))));
    assertThat(BusinessModel.quote(model, 1000)).isEqualTo(Money.zero());
    assertThat(BusinessModel.quote(model, 2000)).isEqualTo(Money.euros("2.00"));
    assertThat(BusinessModel.quote(model, 1001)).isEqualTo(Money.euros("0.00"));
    assertThat(BusinessModel.quote(model, 1003)).isEqualTo(Money.euros("0.01"));
  }

  @Test
  void modelsWithoutUsageChargesQuoteNothing() {
    assertThat(BusinessModel.quote(new BusinessModel.Free(), 99)).isEqualTo(Money.zero());
    assertThat(
            BusinessModel.quote(
                new BusinessModel.Freemium(BusinessModel.Unit.BOOKING, 3, Optional.empty()), 99))
        .isEqualTo(Money.zero());
  }

  @Test
  void tiersStartAtZeroAndAscendWithAtMostFourDecimals() {
    assertThatThrownBy(() -> Tiers.of(Tier.of(1, "1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tiers.of(Tier.of(0, "1"), Tier.of(0, "2")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tier.of(0, "0.00001")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tier.of(0, "-1")).isInstanceOf(IllegalArgumentException.class);
  }
}
