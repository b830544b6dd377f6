package org.sundwerk.business.partner;

import org.sundwerk.business.BusinessProblem;

/**
 * Checks of the text fields of a partner's profile; a bad field is {@link BusinessProblem#invalid}.
 */
final class Fields {

  private Fields() {}

  /** {@code value} stripped; refused when missing, blank or longer than {@code max} characters. */
  static String required(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw BusinessProblem.invalid(field + " is required");
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw BusinessProblem.invalid(field + " has at most " + max + " characters");
    }
    return stripped;
  }

  /**
   * ISO 7064 MOD 97-10 over {@code text} (digits and upper-case letters, A = 10 … Z = 35), as IBAN
   * and Leitweg-ID use it: a number with its check digits leaves the remainder 1.
   */
  static int mod97(String text) {
    int remainder = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97;
    }
    return remainder;
  }
}
