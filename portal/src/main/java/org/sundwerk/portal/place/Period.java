package org.sundwerk.portal.place;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The spans a history chart offers, each with the bucket length its values are averaged over. The
 * span ends at the start of the next full hour and (but for the day) begins at a local midnight, so
 * its bounds fall on whole hours and the store answers from its hourly rollup.
 */
enum Period {
  /** The last 24 hours, hourly. */
  DAY(Duration.ofHours(1)),
  /** The last seven days, in quarters of a day. */
  WEEK(Duration.ofHours(6)),
  /** The last 365 days, daily. */
  YEAR(Duration.ofDays(1));

  private final Duration bucket;

  Period(Duration bucket) {
    this.bucket = bucket;
  }

  Duration bucket() {
    return bucket;
  }

  /** The name in URLs and message keys, e.g. {@code week}. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Period> ofKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
  }

  /** The end of the span: the start of the hour after now. */
  Instant end(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
  }

  /** The start of the span, local midnight in {@code zone} for the week and the year. */
  Instant start(Clock clock, ZoneId zone) {
    Instant end = end(clock);
    return switch (this) {
      case DAY -> end.minus(Duration.ofHours(24));
      case WEEK -> end.atZone(zone).toLocalDate().minusDays(6).atStartOfDay(zone).toInstant();
      case YEAR -> end.atZone(zone).toLocalDate().minusDays(364).atStartOfDay(zone).toInstant();
    };
  }
}
