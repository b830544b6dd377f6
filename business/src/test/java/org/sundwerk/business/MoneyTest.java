package org.sundwerk.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void roundsHalfUpToCents() {
    assertThat(Money.euros("0.125")).isEqualTo(Money.euros("0.13"));
    assertThat(Money.euros("0.3891")).isEqualTo(Money.euros("0.39"));
    assertThat(Money.of(new BigDecimal("0.3891").multiply(BigDecimal.valueOf(100))))
        .isEqualTo(Money.euros("38.91"));
    assertThat(Money.euros("10").times(new BigDecimal("0.3333"))).isEqualTo(Money.euros("3.33"));
  }

  @Test
  void vatOnANetAmount() {
    assertThat(VatRate.STANDARD.on(Money.euros("9.99"))).isEqualTo(Money.euros("1.90"));
    assertThat(VatRate.REDUCED.on(Money.euros("100"))).isEqualTo(Money.euros("7.00"));
    assertThat(VatRate.ZERO.on(Money.euros("100"))).isEqualTo(Money.zero());
  }

  @Test
  void neverMixesCurrencies() {
    Money dollars = new Money(BigDecimal.ONE, Currency.getInstance("USD"));
    assertThatThrownBy(() -> Money.euros("1").plus(dollars))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printsAmountAndCurrency() {
    assertThat(Money.euros("12.5")).hasToString("12.50 EUR");
  }
}
