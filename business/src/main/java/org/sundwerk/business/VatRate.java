package org.sundwerk.business;

import java.math.BigDecimal;

/**
 * The German VAT rates (UStG § 12) a price can carry. Codes follow UNTDID 5305 as XRechnung needs
 * them: S standard and reduced, Z zero-rated, E exempt (public bodies acting as authorities, § 2b).
 */
public enum VatRate {
  STANDARD("19", "S"),
  REDUCED("7", "S"),
  ZERO("0", "Z"),
  EXEMPT("0", "E");

  private final BigDecimal percent;
  private final String categoryCode;

  VatRate(String percent, String categoryCode) {
    this.percent = new BigDecimal(percent);
    this.categoryCode = categoryCode;
  }

  public BigDecimal percent() {
    return percent;
  }

  /** The UNTDID 5305 category code of an invoice line at this rate. */
  public String categoryCode() {
    return categoryCode;
  }

  /** The VAT on a net amount, rounded half up to cents. */
  public Money on(Money net) {
    return net.times(percent.movePointLeft(2));
  }
}
