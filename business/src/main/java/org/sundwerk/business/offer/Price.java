package org.sundwerk.business.offer;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.sundwerk.business.VatRate;

/**
 * One version of an offer's price: its business model, VAT rate and the dates (Europe/Berlin, both
 * inclusive) between which it can be ordered. A change makes a new version; an order keeps the
 * version it bought.
 */
public record Price(
    int version,
    BusinessModel model,
    VatRate vat,
    LocalDate validFrom,
    Optional<LocalDate> validUntil) {

  public Price {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(vat, "vat");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    if (version < 1) {
      throw new IllegalArgumentException("price versions count from 1");
    }
    if (validUntil.filter(until -> until.isBefore(validFrom)).isPresent()) {
      throw new IllegalArgumentException("a price is valid until a day on or after it starts");
    }
  }

  public boolean validOn(LocalDate day) {
    return !day.isBefore(validFrom) && validUntil.filter(day::isAfter).isEmpty();
  }

  /** The same terms of sale: what decides whether an edit makes a new version. */
  boolean sameTermsAs(Price other) {
    return model.equals(other.model)
        && vat == other.vat
        && validFrom.equals(other.validFrom)
        && validUntil.equals(other.validUntil);
  }
}
