package org.sundwerk.business;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling that search indexes and queries are compared in: lower case, German umlauts and
 * ß written out ("Straße" and "Strasse" both become "strasse", "Münze" and "Muenze" both "muenze"),
 * other accents dropped ("Café" becomes "cafe"). The catalog's search and the portal's search fold
 * alike, so both find the same spellings.
 */
public final class Folding {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Folding() {}

  public static String fold(String text) {
    String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.GERMAN);
    StringBuilder out = new StringBuilder(lower.length() + 8);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      switch (c) {
        case 'ä' -> out.append("ae");
        case 'ö' -> out.append("oe");
        case 'ü' -> out.append("ue");
        case 'ß' -> out.append("ss");
        default -> out.append(c);
      }
    }
    return MARKS.matcher(Normalizer.normalize(out, Normalizer.Form.NFD)).replaceAll("");
  }
}
