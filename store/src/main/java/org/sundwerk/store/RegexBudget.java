package org.sundwerk.store;

import java.sql.SQLException;
import java.time.Duration;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * How long one read may spend matching client regular expressions inside the database, where the
 * dialect evaluates them in Java (SQLite's {@code REGEXP} callback). Matching there runs in native
 * code, which pins the carrier thread of the calling virtual thread: on 2 cores, two long reads
 * stop every other request, {@code /actuator/health} included. RE2/J keeps each match linear, but a
 * scan still costs up to 0.5 ms per entity id with the largest accepted pattern (measured: {@code
 * (.{1,6}){28}-x} over 10,000 ids of 66 characters, 5.4 s), so a read that uses up its budget fails
 * with TooComplexQuery instead.
 */
public final class RegexBudget {

  /** Matching time per read connection checkout, by default. */
  public static final Duration PER_READ = Duration.ofSeconds(2);

  /** The message a dialect's SQL exception carries when a read used up its budget. */
  public static final String EXCEEDED = "regular expression budget exceeded";

  private RegexBudget() {}

  /** {@code e} as TooComplexQuery when it reports an exceeded budget, else {@code e} as is. */
  static RuntimeException translate(String what, SQLException e) {
    if (e.getMessage() != null && e.getMessage().contains(EXCEEDED)) {
      return new NgsiLdException(
          ErrorType.TOO_COMPLEX_QUERY,
          "The regular expressions of the query (idPattern, ~= in q) used up their time budget;"
              + " narrow the query (for example by type or id) or simplify the pattern");
    }
    return new IllegalStateException(what + " failed: " + e.getMessage(), e);
  }
}
