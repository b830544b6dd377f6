package org.sundwerk.ngsild.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises ISO 8601 dates and date-times, in literals of {@code q} and in stored string values
 * alike, so that both sides of a comparison are read the same way. A date-time without offset and a
 * bare date are taken as UTC (a date as its start of day).
 */
final class DateTimes {

  private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T.+)?");

  private DateTimes() {}

  /** True when the text looks like a date or date-time, valid or not. */
  static boolean looksLikeDateTime(String text) {
    return SHAPE.matcher(text).matches();
  }

  static Optional<Instant> parse(String text) {
    if (!looksLikeDateTime(text)) {
      return Optional.empty();
    }
    try {
      if (text.length() == 10) {
        return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
      }
      char last = text.charAt(text.length() - 1);
      boolean hasOffset =
          last == 'Z' || last == 'z' || text.indexOf('+', 10) > 0 || text.indexOf('-', 10) > 0;
      if (hasOffset) {
        return Optional.of(OffsetDateTime.parse(text.replace('z', 'Z')).toInstant());
      }
      return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
