package org.sundwerk.access.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.access.db.Statements;

/**
 * OIDC identities linked to accounts ({@code access_identities}: issuer and subject to account).
 * Roles stay with the account; the provider only says who someone is.
 *
 * <p>First use of an identity ({@link #link}) trusts the provider's verified e-mail address, and
 * nothing else: callers pass {@link ExternalIdentity#verifiedEmail()} only for tokens of the one
 * configured issuer whose {@code email_verified} is true. Then
 *
 * <ul>
 *   <li>a new address gets a new resident account without a password (the provider proved the
 *       mailbox, so it counts as verified);
 *   <li>an address whose account holds no role is linked to that account. If that account was never
 *       verified, whoever registered it did not prove the mailbox (possibly someone who registered
 *       a victim's address in advance to take over the account later): the link marks it verified
 *       and drops the password and pending tokens they chose;
 *   <li>an address whose account holds an operator or partner role is not linked: whoever
 *       administers the provider (or a provider that lets users claim addresses it calls verified)
 *       could otherwise take over the city's operators. Such accounts {@link #attach} an identity
 *       while signed in.
 * </ul>
 *
 * <p>Thread-safe; safe when several nodes link the same identity at once (the first link wins).
 */
public final class Identities {

  /** Display names longer than this are cut; providers put whatever users typed there. */
  static final int MAX_NAME = 200;

  private final AccessDatabase database;
  private final Clock clock;

  public Identities(AccessDatabase database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The account of {@code identity}, linking or creating one on first use (see the class comment).
   * A known identity costs one indexed read and no transaction.
   */
  public IdentityLink link(ExternalIdentity identity) {
    Optional<AccountId> known = database.run(connection -> linked(connection, identity));
    if (known.isPresent()) {
      return new IdentityLink.Known(known.get());
    }
    Optional<String> email = identity.verifiedEmail().flatMap(Identities::normalized);
    if (email.isEmpty()) {
      return new IdentityLink.Unlinked("the provider verified no e-mail address");
    }
    return database.inTransaction(connection -> firstUse(connection, identity, email.get()));
  }

  /**
   * Links {@code identity} to {@code account}, which the caller has authenticated otherwise (a
   * signed-in session). False when the identity belongs to another account already; true when it is
   * linked to this one now.
   */
  public boolean attach(AccountId account, ExternalIdentity identity) {
    return database.inTransaction(
        connection -> {
          insertLink(connection, identity, account, clock.millis());
          return linked(connection, identity).filter(account::equals).isPresent();
        });
  }

  /** The identities linked to {@code account}, oldest first. */
  public List<LinkedIdentity> of(AccountId account) {
    return database.run(
        connection -> {
          List<LinkedIdentity> identities = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT issuer, subject, linked_at FROM access_identities WHERE account_id = ?"
                      + " ORDER BY linked_at, issuer, subject")) {
            select.setString(1, account.value());
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                identities.add(
                    new LinkedIdentity(
                        row.getString(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3))));
              }
            }
          }
          return identities;
        });
  }

  private IdentityLink firstUse(Connection connection, ExternalIdentity identity, String email)
      throws SQLException {
    Optional<AccountId> known = linked(connection, identity);
    if (known.isPresent()) {
      return new IdentityLink.Known(known.get());
    }
    long now = clock.millis();
    String name = displayName(identity, email);
    AccountId created = AccountId.random();
    boolean isNew =
        Statements.update(
                connection,
                "INSERT INTO access_accounts (id, email, display_name, email_verified_at,"
                    + " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING",
                created.value(),
                email,
                name,
                now,
                now)
            == 1;
    AccountId account = created;
    if (!isNew) {
      Holder holder = holder(connection, email);
      if (holder.privileged()) {
        return new IdentityLink.Unlinked(
            "the address belongs to an account with roles; sign in and link the identity there");
      }
      if (!holder.verified()) {
        claimUnverified(connection, holder.id(), name, now);
      }
      account = holder.id();
    }
    if (!insertLink(connection, identity, account, now)) {
      // Another node linked the identity since the read above (PostgreSQL, READ COMMITTED).
      if (isNew) {
        Statements.update(connection, "DELETE FROM access_accounts WHERE id = ?", created.value());
      }
      return new IdentityLink.Known(linked(connection, identity).orElseThrow());
    }
    return isNew ? new IdentityLink.Created(account) : new IdentityLink.LinkedByEmail(account);
  }

  /** The e-mail address's account, whether it is verified and whether it holds any role. */
  private record Holder(AccountId id, boolean verified, boolean privileged) {}

  private static Holder holder(Connection connection, String email) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT a.id, a.email_verified_at IS NOT NULL,"
                + " EXISTS (SELECT 1 FROM access_roles r WHERE r.account_id = a.id)"
                + " FROM access_accounts a WHERE a.email = ?")) {
      select.setString(1, email);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("the account of a conflicting address vanished");
        }
        return new Holder(new AccountId(row.getString(1)), row.getBoolean(2), row.getBoolean(3));
      }
    }
  }

  /** The provider proved the mailbox; what the unverified registrant chose goes. */
  private static void claimUnverified(
      Connection connection, AccountId account, String name, long now) throws SQLException {
    Statements.update(
        connection,
        "UPDATE access_accounts SET email_verified_at = ?, password_hash = NULL,"
            + " display_name = ?, failed_logins = 0, locked_until = NULL WHERE id = ?",
        now,
        name,
        account.value());
    Statements.update(
        connection, "DELETE FROM access_tokens WHERE account_id = ?", account.value());
  }

  /** True when this call linked the identity; false when it was linked already. */
  private static boolean insertLink(
      Connection connection, ExternalIdentity identity, AccountId account, long now)
      throws SQLException {
    return Statements.update(
            connection,
            "INSERT INTO access_identities (issuer, subject, account_id, linked_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (issuer, subject) DO NOTHING",
            identity.issuer(),
            identity.subject(),
            account.value(),
            now)
        == 1;
  }

  private static Optional<AccountId> linked(Connection connection, ExternalIdentity identity)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT account_id FROM access_identities WHERE issuer = ? AND subject = ?")) {
      select.setString(1, identity.issuer());
      select.setString(2, identity.subject());
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(new AccountId(row.getString(1))) : Optional.empty();
      }
    }
  }

  private static Optional<String> normalized(String email) {
    try {
      return Optional.of(Accounts.normalizeEmail(email));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String displayName(ExternalIdentity identity, String email) {
    String name =
        identity
            .name()
            .map(String::strip)
            .filter(given -> !given.isEmpty())
            .orElseGet(() -> email.substring(0, email.indexOf('@')));
    return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
  }
}
