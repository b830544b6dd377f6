package org.sundwerk.access.account;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Secrets;
import org.sundwerk.access.db.Statements;

/**
 * Single-use tokens mailed to an account (e-mail verification, password reset): 256 random bits,
 * stored as SHA-256 only, expiring, and consumed by the first use. A new token of a purpose
 * replaces the account's older ones.
 */
final class OneTimeTokens {

  enum Purpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
  }

  private final Clock clock;
  private final SecureRandom random;

  OneTimeTokens(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  String issue(Connection connection, AccountId account, Purpose purpose, Duration ttl)
      throws SQLException {
    Statements.update(
        connection,
        "DELETE FROM access_tokens WHERE account_id = ? AND purpose = ?",
        account.value(),
        purpose.name());
    String token = Secrets.randomToken(random);
    Statements.update(
        connection,
        "INSERT INTO access_tokens (token_hash, account_id, purpose, expires_at)"
            + " VALUES (?, ?, ?, ?)",
        Secrets.sha256Hex(token),
        account.value(),
        purpose.name(),
        clock.millis() + ttl.toMillis());
    return token;
  }

  /** The token's account if it is known, unexpired and of {@code purpose}; it is used up. */
  Optional<AccountId> consume(Connection connection, String token, Purpose purpose)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM access_tokens WHERE token_hash = ? AND purpose = ?"
                + " RETURNING account_id, expires_at")) {
      delete.setString(1, Secrets.sha256Hex(token));
      delete.setString(2, purpose.name());
      try (ResultSet row = delete.executeQuery()) {
        if (row.next() && row.getLong(2) > clock.millis()) {
          return Optional.of(new AccountId(row.getString(1)));
        }
        return Optional.empty();
      }
    }
  }

  /** Deletes expired tokens; returns how many. */
  int pruneExpired(Connection connection) throws SQLException {
    return Statements.update(
        connection, "DELETE FROM access_tokens WHERE expires_at <= ?", clock.millis());
  }
}
