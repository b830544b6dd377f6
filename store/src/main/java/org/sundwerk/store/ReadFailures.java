package org.sundwerk.store;

import java.sql.SQLException;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * The one translation of a failed read of the entity and temporal stores into what the client is
 * told: retryable 503 while the database is unavailable ({@link WriteFailures#unavailable}),
 * TooComplexQuery when the regular expressions used up their budget ({@link RegexBudget}), an
 * internal error otherwise.
 */
final class ReadFailures {

  private ReadFailures() {}

  static RuntimeException translate(String what, SQLException e) {
    if (WriteFailures.unavailable(e).isPresent()) {
      return NgsiLdException.unavailable(
          "The database is unavailable at the moment; " + what + " failed. Retry later.", e);
    }
    return RegexBudget.translate(what, e);
  }
}
