package org.sundwerk.portal.door;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The two seasons the doors tell apart on the Baltic coast: the bathing season (May to September,
 * when the state measures bathing water) and the rest of the year.
 */
enum Season {
  SUMMER,
  WINTER;

  /** The season of {@code day} (a date in the portal's zone). */
  static Season of(LocalDate day) {
    int month = day.getMonthValue();
    return month >= 5 && month <= 9 ? SUMMER : WINTER;
  }

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
