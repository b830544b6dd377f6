package org.sundwerk.business.partner;

import java.util.Locale;
import org.sundwerk.business.BusinessProblem;

/**
 * The routing id of a public contracting body for XRechnung invoices (Leitweg-ID, format
 * specification of KoSIT, version 2.0.2): the coarse address of 2 to 12 digits, an optional fine
 * address of up to 30 letters or digits, and two check digits, joined by {@code -}. The check
 * digits are ISO 7064 MOD 97-10 over coarse and fine address with letters counted A = 10 … Z = 35
 * (e.g. {@code 04011000-1234512345-06}). Kept upper-case.
 */
public record LeitwegId(String value) {

  public LeitwegId {
    value = Fields.required(value, "Leitweg-ID", 46).toUpperCase(Locale.ROOT);
    if (!value.matches("[0-9]{2,12}(-[A-Z0-9]{1,30})?-[0-9]{2}")) {
      throw BusinessProblem.invalid(
          "a Leitweg-ID is 2-12 digits, an optional fine address and two check digits: " + value);
    }
    if (Fields.mod97(value.replace("-", "")) != 1) {
      throw BusinessProblem.invalid("the Leitweg-ID's check digits are wrong: " + value);
    }
  }

  /** The Leitweg-ID for {@code coarse} and {@code fine} (may be empty) with its check digits. */
  public static LeitwegId withCheckDigits(String coarse, String fine) {
    String address = fine.isEmpty() ? coarse : coarse + "-" + fine.toUpperCase(Locale.ROOT);
    int check = 98 - Fields.mod97(address.replace("-", "") + "00");
    return new LeitwegId(address + "-" + String.format(Locale.ROOT, "%02d", check));
  }
}
