package org.sundwerk.business.partner;

import java.util.Locale;
import org.sundwerk.business.BusinessProblem;

/**
 * An International Bank Account Number (ISO 13616), kept without spaces and upper-case. Checked:
 * country code, check digits by MOD 97-10, and for German IBANs the length of 22.
 */
public record Iban(String value) {

  public Iban {
    value = Fields.required(value, "IBAN", 42).replace(" ", "").toUpperCase(Locale.ROOT);
    if (!value.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
      throw BusinessProblem.invalid("not an IBAN: " + value);
    }
    if (value.startsWith("DE") && value.length() != 22) {
      throw BusinessProblem.invalid("a German IBAN has 22 characters: " + value);
    }
    if (Fields.mod97(value.substring(4) + value.substring(0, 4)) != 1) {
      throw BusinessProblem.invalid("the IBAN's check digits are wrong: " + value);
    }
  }

  /** The IBAN in groups of four, as people read it. */
  public String grouped() {
    return value.replaceAll("(.{4})(?!$)", "$1 ");
  }
}
