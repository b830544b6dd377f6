package org.sundwerk.business;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, always at the currency's minor unit (cents for EUR). Values
 * that need more digits (a price per kWh of 0.3891 EUR) are kept as {@link BigDecimal} until they
 * become money: {@link #of} rounds half up, as German commercial rounding does.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  public static final Currency EUR = Currency.getInstance("EUR");

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (amount.scale() != currency.getDefaultFractionDigits()) {
      amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }
  }

  /** {@code amount} in euros, rounded half up to cents. */
  public static Money of(BigDecimal amount) {
    return new Money(amount, EUR);
  }

  /** {@code amount} in euros, written as a decimal ("12.50"). */
  public static Money euros(String amount) {
    return of(new BigDecimal(amount));
  }

  public static Money zero() {
    return of(BigDecimal.ZERO);
  }

  public Money plus(Money other) {
    return new Money(amount.add(sameCurrency(other).amount), currency);
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(sameCurrency(other).amount), currency);
  }

  /** This amount times {@code factor}, rounded half up to the minor unit. */
  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor), currency);
  }

  public Money times(long factor) {
    return times(BigDecimal.valueOf(factor));
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(sameCurrency(other).amount);
  }

  private Money sameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot combine " + currency + " and " + other.currency);
    }
    return other;
  }

  /** "12.50 EUR": the form used in APIs and logs (the portal formats with the reader's locale). */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
