package org.sundwerk.business.partner;

import java.util.Locale;
import org.sundwerk.business.BusinessProblem;

/**
 * A German VAT identification number (Umsatzsteuer-Identifikationsnummer): {@code DE} and nine
 * digits. Only the format is checked; whether it is issued is the Federal Central Tax Office's to
 * say.
 */
public record VatId(String value) {

  public VatId {
    value = Fields.required(value, "VAT id", 20).replace(" ", "").toUpperCase(Locale.ROOT);
    if (!value.matches("DE[0-9]{9}")) {
      throw BusinessProblem.invalid("a VAT id is DE and nine digits: " + value);
    }
  }
}
