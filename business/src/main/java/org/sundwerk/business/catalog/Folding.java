package org.sundwerk.business.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling the search index and a query are compared in: lower case, umlauts and ß written
 * out ("Straße" and "Strasse" both "strasse"), other accents dropped. The portal search folds the
 * same way; the business module may not depend on the portal, so the rule is repeated here.
 */
final class Folding {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Folding() {}

  static String fold(String text) {
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
