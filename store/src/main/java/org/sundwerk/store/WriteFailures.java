package org.sundwerk.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteException;

/**
 * Tells a failure of the database (the connection broke, the server restarts, the disk is full or
 * read-only) from a failure of one write (a constraint, a bad value): the first makes every write
 * fail until it is over, so the writer reconnects and the write path reports itself down; the
 * second fails that write only.
 */
final class WriteFailures {

  /**
   * SQLState classes and codes of an unavailable database: 08 connection exception, 53 insufficient
   * resources (53100 disk full, 53200 out of memory), 58 system error (58030 I/O error), and the
   * 57P codes of operator intervention (57P01 terminated by an administrator, 57P02 crash shutdown,
   * 57P03 cannot connect now); not 57014, a cancelled statement.
   */
  private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "58");

  private static final String OPERATOR_INTERVENTION = "57P";

  /**
   * SQLite primary result codes (sqlite-jdbc reports them as the error code, with no SQLState) of a
   * database that cannot take writes: NOMEM 7, READONLY 8, IOERR 10, CORRUPT 11, FULL 13, CANTOPEN
   * 14.
   */
  private static final Set<Integer> SQLITE_UNAVAILABLE = Set.of(7, 8, 10, 11, 13, 14);

  private WriteFailures() {}

  /** The SQL failure in {@code failure}'s causes that says the database is unavailable, if any. */
  static Optional<SQLException> unavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && isUnavailable(sql)) {
        return Optional.of(sql);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  private static boolean isUnavailable(SQLException e) {
    if (e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException) {
      return true;
    }
    if (e instanceof SQLiteException) {
      return SQLITE_UNAVAILABLE.contains(e.getErrorCode() & 0xff);
    }
    String state = e.getSQLState();
    return state != null
        && state.length() == 5
        && (UNAVAILABLE_CLASSES.contains(state.substring(0, 2))
            || state.startsWith(OPERATOR_INTERVENTION));
  }
}
