package org.sundwerk.access.account;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.Secrets;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.OneTimeTokens.Purpose;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.access.db.Statements;

/**
 * Local accounts and their roles. Passwords are hashed outside transactions (Argon2id takes tens of
 * milliseconds and must not hold SQLite's write lock). E-mail addresses are compared trimmed and
 * lower-cased. Thread-safe.
 */
public final class Accounts {

  private static final String COLUMNS = "id, email, display_name, email_verified_at, created_at";

  private final AccessDatabase database;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final PasswordRules rules;
  private final AccountPolicy policy;
  private final OneTimeTokens tokens;

  private final List<Consumer<AccountId>> changeListeners = new CopyOnWriteArrayList<>();

  /** Checked against when the address is unknown, so that answer takes as long as a wrong one. */
  private final String decoyHash;

  public Accounts(
      AccessDatabase database,
      Clock clock,
      PasswordHasher hasher,
      PasswordRules rules,
      AccountPolicy policy,
      SecureRandom random) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.tokens = new OneTimeTokens(clock, random);
    this.decoyHash = hasher.hash(Long.toHexString(random.nextLong()));
  }

  /** Creates an unverified account; see {@link Registration} for what to mail. */
  public Registration register(String email, String displayName, String password) {
    String address = normalizeEmail(email);
    Set<PasswordProblem> problems = rules.check(password, address, displayName);
    if (!problems.isEmpty()) {
      return new Registration.Rejected(problems);
    }
    String hash = hasher.hash(password);
    return database.inTransaction(
        connection -> {
          Optional<AccountId> existing = idByEmail(connection, address);
          if (existing.isPresent()) {
            return new Registration.AlreadyRegistered(existing.get());
          }
          AccountId id = AccountId.random();
          Statements.update(
              connection,
              "INSERT INTO access_accounts (id, email, display_name, password_hash, created_at)"
                  + " VALUES (?, ?, ?, ?, ?)",
              id.value(),
              address,
              displayName.strip(),
              hash,
              clock.millis());
          String token =
              tokens.issue(connection, id, Purpose.VERIFY_EMAIL, policy.verificationTtl());
          return new Registration.Created(id, token);
        });
  }

  /**
   * Creates an account whose address an operator vouches for (a partner's staff): verified at once,
   * without a password (it signs in after a password reset, or uses API keys only). Empty when the
   * address has an account already.
   */
  public Optional<AccountId> createVerified(String email, String displayName) {
    String address = normalizeEmail(email);
    return database.inTransaction(
        connection -> {
          if (idByEmail(connection, address).isPresent()) {
            return Optional.<AccountId>empty();
          }
          AccountId id = AccountId.random();
          long now = clock.millis();
          Statements.update(
              connection,
              "INSERT INTO access_accounts (id, email, display_name, email_verified_at,"
                  + " created_at) VALUES (?, ?, ?, ?, ?)",
              id.value(),
              address,
              displayName.strip(),
              now,
              now);
          return Optional.of(id);
        });
  }

  /**
   * On first start: when no account holds the platform role, creates {@code email} as a verified
   * platform operator with {@code configuredPassword} ({@code SUNDWERK_ADMIN_PASSWORD}) or a
   * generated one. Returns the generated password, to print to the log once; empty when an operator
   * existed or the configured password was used. Fails at start for a configured password that
   * breaks the rules. Safe when several nodes start at once (the address is unique).
   */
  public Optional<String> createPlatformOperatorIfNone(
      String email, Optional<String> configuredPassword, SecureRandom random) {
    String address = normalizeEmail(email);
    Optional<String> generated =
        configuredPassword.isPresent()
            ? Optional.empty()
            : Optional.of(Secrets.randomToken(random));
    String password = configuredPassword.or(() -> generated).orElseThrow();
    Set<PasswordProblem> problems = rules.check(password, address, "");
    if (configuredPassword.isPresent() && !problems.isEmpty()) {
      throw new IllegalArgumentException("SUNDWERK_ADMIN_PASSWORD is too weak: " + problems);
    }
    if (database.run(Accounts::hasPlatformOperator)) {
      return Optional.empty();
    }
    String hash = hasher.hash(password);
    boolean created =
        database.inTransaction(
            connection -> {
              if (hasPlatformOperator(connection)) {
                return false;
              }
              AccountId id = AccountId.random();
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO access_accounts (id, email, display_name, password_hash,"
                          + " email_verified_at, created_at) VALUES (?, ?, ?, ?, ?, ?)"
                          + " ON CONFLICT (email) DO NOTHING")) {
                insert.setString(1, id.value());
                insert.setString(2, address);
                insert.setString(3, "Platform operator");
                insert.setString(4, hash);
                insert.setLong(5, clock.millis());
                insert.setLong(6, clock.millis());
                if (insert.executeUpdate() == 0) {
                  return false;
                }
              }
              Statements.update(
                  connection,
                  "INSERT INTO access_roles (account_id, kind) VALUES (?, 'platform')",
                  id.value());
              return true;
            });
    return created ? generated : Optional.empty();
  }

  private static boolean hasPlatformOperator(Connection connection) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement("SELECT 1 FROM access_roles WHERE kind = 'platform'");
        ResultSet row = select.executeQuery()) {
      return row.next();
    }
  }

  /** A new verification token for an account whose address is not verified yet. */
  public Optional<String> renewVerification(AccountId account) {
    return database.inTransaction(
        connection -> {
          Optional<Account> found = find(connection, account);
          if (found.isEmpty() || found.get().emailVerifiedAt().isPresent()) {
            return Optional.empty();
          }
          return Optional.of(
              tokens.issue(connection, account, Purpose.VERIFY_EMAIL, policy.verificationTtl()));
        });
  }

  /** Marks the token's account verified; empty for an unknown, used or expired token. */
  public Optional<AccountId> verifyEmail(String token) {
    return database.inTransaction(
        connection -> {
          Optional<AccountId> account = tokens.consume(connection, token, Purpose.VERIFY_EMAIL);
          if (account.isPresent()) {
            markVerified(connection, account.get());
          }
          return account;
        });
  }

  /**
   * A reset token to mail to {@code email}; empty when there is no such account. The portal answers
   * the same either way.
   */
  public Optional<String> startPasswordReset(String email) {
    String address = normalizeEmail(email);
    return database.inTransaction(
        connection -> {
          Optional<AccountId> account = idByEmail(connection, address);
          if (account.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(
              tokens.issue(connection, account.get(), Purpose.RESET_PASSWORD, policy.resetTtl()));
        });
  }

  public PasswordReset resetPassword(String token, String newPassword) {
    Optional<Account> account = database.run(connection -> tokenAccount(connection, token));
    if (account.isEmpty()) {
      return new PasswordReset.InvalidToken();
    }
    Set<PasswordProblem> problems =
        rules.check(newPassword, account.get().email(), account.get().displayName());
    if (!problems.isEmpty()) {
      return new PasswordReset.Rejected(problems);
    }
    String hash = hasher.hash(newPassword);
    return database.inTransaction(
        connection -> {
          Optional<AccountId> consumed = tokens.consume(connection, token, Purpose.RESET_PASSWORD);
          if (consumed.isEmpty()) {
            return new PasswordReset.InvalidToken();
          }
          Statements.update(
              connection,
              "UPDATE access_accounts SET password_hash = ?, failed_logins = 0,"
                  + " locked_until = NULL WHERE id = ?",
              hash,
              consumed.get().value());
          markVerified(connection, consumed.get());
          return new PasswordReset.Done(consumed.get());
        });
  }

  /**
   * Checks a password. Wrong passwords count against the account and lock it for a while (see
   * {@link AccountPolicy}); a locked account checks no password. An unknown address costs the same
   * hashing work as a wrong password.
   */
  public LoginResult login(String email, String password) {
    String address = normalizeEmail(email);
    Optional<Credentials> found = database.run(connection -> credentials(connection, address));
    if (found.isEmpty() || found.get().passwordHash().isEmpty()) {
      hasher.verify(password, decoyHash);
      return new LoginResult.Rejected();
    }
    Credentials credentials = found.get();
    Instant now = clock.instant();
    if (credentials.lockedUntil().filter(now::isBefore).isPresent()) {
      return new LoginResult.Locked(credentials.lockedUntil().get());
    }
    String hash = credentials.passwordHash().get();
    if (!hasher.verify(password, hash)) {
      return recordFailure(credentials.id(), now);
    }
    String rehash = hasher.needsRehash(hash) ? hasher.hash(password) : null;
    database.update(
        "UPDATE access_accounts SET failed_logins = 0, locked_until = NULL,"
            + " password_hash = COALESCE(?, password_hash) WHERE id = ?",
        rehash,
        credentials.id().value());
    Account account = find(credentials.id()).orElseThrow();
    return account.emailVerifiedAt().isPresent()
        ? new LoginResult.Success(account)
        : new LoginResult.Unverified(account.id());
  }

  private LoginResult recordFailure(AccountId account, Instant now) {
    return database.inTransaction(
        connection -> {
          int failures;
          try (PreparedStatement count =
              connection.prepareStatement(
                  "UPDATE access_accounts SET failed_logins = failed_logins + 1 WHERE id = ?"
                      + " RETURNING failed_logins")) {
            count.setString(1, account.value());
            try (ResultSet row = count.executeQuery()) {
              failures = row.next() ? row.getInt(1) : 0;
            }
          }
          if (failures < policy.maxFailedLogins()) {
            return new LoginResult.Rejected();
          }
          Instant until = now.plus(policy.lockout());
          Statements.update(
              connection,
              "UPDATE access_accounts SET failed_logins = 0, locked_until = ? WHERE id = ?",
              until.toEpochMilli(),
              account.value());
          return new LoginResult.Locked(until);
        });
  }

  public Optional<Account> find(AccountId id) {
    return database.run(connection -> find(connection, id));
  }

  /**
   * Whether the account can sign in with a password; accounts created by an OIDC login (or by an
   * operator, until a reset) have none and confirm what needs confirming another way.
   */
  public boolean hasPassword(AccountId id) {
    return database.run(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT password_hash FROM access_accounts WHERE id = ?")) {
            select.setString(1, id.value());
            try (ResultSet row = select.executeQuery()) {
              return row.next() && row.getString(1) != null;
            }
          }
        });
  }

  public Optional<Account> findByEmail(String email) {
    String address = normalizeEmail(email);
    return database.run(
        connection -> {
          Optional<AccountId> id = idByEmail(connection, address);
          return id.isEmpty() ? Optional.<Account>empty() : find(connection, id.get());
        });
  }

  /**
   * Calls {@code listener} with every account whose roles this instance changed or which it
   * deleted, after the change committed: caches of actors forget the account (see {@code
   * KeyActors}).
   */
  public void onChange(Consumer<AccountId> listener) {
    changeListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  private <T> T changed(AccountId account, T result) {
    changeListeners.forEach(listener -> listener.accept(account));
    return result;
  }

  /** Gives {@code account} the role; granting a role it holds changes nothing. */
  public void grant(AccountId account, Role role) {
    RoleRow row = RoleRow.of(role);
    changed(
        account,
        database.update(
            "INSERT INTO access_roles (account_id, kind, tenant, partner, partner_role)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, kind, tenant, partner)"
                + " DO UPDATE SET partner_role = excluded.partner_role",
            account.value(),
            row.kind(),
            row.tenant(),
            row.partner(),
            row.partnerRole()));
  }

  /** Takes the role away; false when the account did not hold it. */
  public boolean revoke(AccountId account, Role role) {
    RoleRow row = RoleRow.of(role);
    return changed(
        account,
        database.update(
                "DELETE FROM access_roles WHERE account_id = ? AND kind = ? AND tenant = ?"
                    + " AND partner = ?",
                account.value(),
                row.kind(),
                row.tenant(),
                row.partner())
            > 0);
  }

  /** Deletes the account with its roles, tokens and API keys (GDPR erasure). */
  public boolean delete(AccountId account) {
    return changed(
        account, database.update("DELETE FROM access_accounts WHERE id = ?", account.value()) > 0);
  }

  /** Deletes expired verification and reset tokens; returns how many. */
  public int pruneExpiredTokens() {
    return database.run(tokens::pruneExpired);
  }

  static String normalizeEmail(String email) {
    String address = email.strip().toLowerCase(Locale.ROOT);
    int at = address.indexOf('@');
    if (address.length() > 254
        || at < 1
        || at != address.lastIndexOf('@')
        || at == address.length() - 1) {
      throw new IllegalArgumentException("not an e-mail address");
    }
    return address;
  }

  private record Credentials(
      AccountId id, Optional<String> passwordHash, Optional<Instant> lockedUntil) {}

  private static Optional<Credentials> credentials(Connection connection, String address)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, password_hash, locked_until FROM access_accounts WHERE email = ?")) {
      select.setString(1, address);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        long locked = row.getLong(3);
        return Optional.of(
            new Credentials(
                new AccountId(row.getString(1)),
                Optional.ofNullable(row.getString(2)),
                row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(locked))));
      }
    }
  }

  private Optional<Account> tokenAccount(Connection connection, String token) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT account_id FROM access_tokens WHERE token_hash = ? AND purpose = ?"
                + " AND expires_at > ?")) {
      select.setString(1, Secrets.sha256Hex(token));
      select.setString(2, Purpose.RESET_PASSWORD.name());
      select.setLong(3, clock.millis());
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? find(connection, new AccountId(row.getString(1))) : Optional.empty();
      }
    }
  }

  private void markVerified(Connection connection, AccountId account) throws SQLException {
    Statements.update(
        connection,
        "UPDATE access_accounts SET email_verified_at = ? WHERE id = ?"
            + " AND email_verified_at IS NULL",
        clock.millis(),
        account.value());
  }

  private static Optional<AccountId> idByEmail(Connection connection, String address)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id FROM access_accounts WHERE email = ?")) {
      select.setString(1, address);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(new AccountId(row.getString(1))) : Optional.empty();
      }
    }
  }

  private static Optional<Account> find(Connection connection, AccountId id) throws SQLException {
    String email;
    String displayName;
    Optional<Instant> verified;
    Instant created;
    try (PreparedStatement select =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM access_accounts WHERE id = ?")) {
      select.setString(1, id.value());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        email = row.getString(2);
        displayName = row.getString(3);
        long verifiedAt = row.getLong(4);
        verified = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(verifiedAt));
        created = Instant.ofEpochMilli(row.getLong(5));
      }
    }
    return Optional.of(
        new Account(id, email, displayName, verified, created, roles(connection, id)));
  }

  private static Set<Role> roles(Connection connection, AccountId id) throws SQLException {
    Set<Role> roles = new HashSet<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT kind, tenant, partner, partner_role FROM access_roles WHERE account_id = ?")) {
      select.setString(1, id.value());
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          TenantId tenant = TenantId.of(row.getString(2));
          roles.add(
              switch (row.getString(1)) {
                case "platform" -> new Role.Platform();
                case "operator" -> new Role.Operator(tenant);
                case "member" ->
                    new Role.Member(
                        tenant,
                        new PartnerId(row.getString(3)),
                        PartnerRole.valueOf(row.getString(4)));
                default -> throw new IllegalStateException("unknown role " + row.getString(1));
              });
        }
      }
    }
    return roles;
  }

  /** A role as a row of {@code access_roles}. */
  private record RoleRow(String kind, String tenant, String partner, String partnerRole) {
    static RoleRow of(Role role) {
      return switch (role) {
        case Role.Platform platform -> new RoleRow("platform", "", "", "");
        case Role.Operator operator -> new RoleRow("operator", operator.tenant().name(), "", "");
        case Role.Member member ->
            new RoleRow(
                "member", member.tenant().name(), member.partner().value(), member.role().name());
      };
    }
  }

  // ---- partners (business layer) ----

  /** The accounts holding a role in {@code partner} of {@code tenant}, ordered by e-mail. */
  public List<Account> members(TenantId tenant, PartnerId partner) {
    return database.run(
        connection -> {
          List<AccountId> ids = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT a.id FROM access_roles r JOIN access_accounts a ON a.id = r.account_id"
                      + " WHERE r.kind = 'member' AND r.tenant = ? AND r.partner = ?"
                      + " ORDER BY a.email")) {
            select.setString(1, tenant.name());
            select.setString(2, partner.value());
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                ids.add(new AccountId(row.getString(1)));
              }
            }
          }
          List<Account> members = new ArrayList<>();
          for (AccountId id : ids) {
            find(connection, id).ifPresent(members::add);
          }
          return members;
        });
  }
}
