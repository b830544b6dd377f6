package org.sundwerk.broker.temporal;

import java.time.Instant;
import java.util.Optional;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * A temporal restriction (clause 4.11): instances before {@code timeAt}, after it (inclusive), or
 * between {@code timeAt} (inclusive) and {@code endTimeAt} (exclusive).
 *
 * @param relation before, after or between
 * @param timeAt the reference time
 * @param endTimeAt the end of a between interval, present exactly for between
 */
public record Timerel(Relation relation, Instant timeAt, Optional<Instant> endTimeAt) {

  /** The relations of clause 4.11. */
  public enum Relation {
    BEFORE,
    AFTER,
    BETWEEN
  }

  public Timerel {
    if ((relation == Relation.BETWEEN) != endTimeAt.isPresent()) {
      throw NgsiLdException.badRequestData("endTimeAt is required with, and only with, between");
    }
    if (endTimeAt.isPresent() && !endTimeAt.get().isAfter(timeAt)) {
      throw NgsiLdException.badRequestData("endTimeAt must be after timeAt");
    }
  }

  /** Parses the {@code timerel} parameter with its already parsed times. */
  public static Timerel of(String relation, Optional<Instant> timeAt, Optional<Instant> endTimeAt) {
    Relation parsed =
        switch (relation) {
          case "before" -> Relation.BEFORE;
          case "after" -> Relation.AFTER;
          case "between" -> Relation.BETWEEN;
          default ->
              throw NgsiLdException.badRequestData(
                  "timerel must be before, after or between, not " + relation);
        };
    Instant at = timeAt.orElseThrow(() -> NgsiLdException.badRequestData("timerel needs timeAt"));
    return new Timerel(parsed, at, parsed == Relation.BETWEEN ? endTimeAt : Optional.empty());
  }

  /** The inclusive lower bound in epoch milliseconds, if any. */
  public Optional<Long> fromMillis() {
    return relation == Relation.BEFORE ? Optional.empty() : Optional.of(timeAt.toEpochMilli());
  }

  /** The exclusive upper bound in epoch milliseconds, if any. */
  public Optional<Long> toMillis() {
    return switch (relation) {
      case BEFORE -> Optional.of(timeAt.toEpochMilli());
      case AFTER -> Optional.empty();
      case BETWEEN -> endTimeAt.map(Instant::toEpochMilli);
    };
  }
}
