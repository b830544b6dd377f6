package org.sundwerk.broker.temporal;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * What an aggregated temporal query computes (clause 4.5.19).
 *
 * @param methods the functions, in the order asked for
 * @param period the length of each bucket, at least {@link #MIN_PERIOD}; empty for one bucket over
 *     the whole interval
 */
public record Aggregation(List<AggregationMethod> methods, Optional<Duration> period) {

  /**
   * The shortest bucket: one second. Times are stored with milliseconds, and shorter periods only
   * multiply the buckets of a query (PT0.000000001S silently gave a single bucket before).
   */
  public static final Duration MIN_PERIOD = Duration.ofSeconds(1);

  public Aggregation {
    methods = List.copyOf(methods);
    if (methods.isEmpty()) {
      throw NgsiLdException.badRequestData("aggregatedValues needs aggrMethods");
    }
    if (period.isPresent() && period.get().compareTo(MIN_PERIOD) < 0) {
      throw NgsiLdException.badRequestData(
          "aggrPeriodDuration must be at least one second (PT1S), not " + period.get());
    }
  }

  /**
   * Parses {@code aggrPeriodDuration}: an ISO 8601 duration with days, hours, minutes and seconds
   * (e.g. {@code P1D}, {@code PT15M}, {@code P1DT12H}) or weeks ({@code P1W}). Months and years
   * have no fixed length and are refused; {@code P0D} or absence mean the whole interval.
   */
  public static Optional<Duration> parsePeriod(String text) {
    try {
      if (text.matches("P\\d+W")) {
        return nonZero(Duration.ofDays(Period.parse(text).getDays()));
      }
      if (text.matches("P(\\d+D)?") && !text.equals("P")) {
        return nonZero(Duration.ofDays(Period.parse(text).getDays()));
      }
      return nonZero(Duration.parse(text));
    } catch (DateTimeParseException | ArithmeticException e) {
      throw NgsiLdException.badRequestData(
          "aggrPeriodDuration must be an ISO 8601 duration in weeks, days, hours, minutes or"
              + " seconds (months and years are not supported), not "
              + text);
    }
  }

  private static Optional<Duration> nonZero(Duration duration) {
    return duration.isZero() ? Optional.empty() : Optional.of(duration);
  }
}
