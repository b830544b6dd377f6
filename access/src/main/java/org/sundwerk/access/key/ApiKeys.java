package org.sundwerk.access.key;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.ApiKeyId;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.Secrets;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.access.db.Statements;

/**
 * API keys of the form {@code sw_<id>_<secret>}: a 16-hex-digit id that finds the row and a 256-bit
 * secret stored only as its SHA-256. A fast hash is right here because the secret is random (2^256
 * guesses), unlike a password; Argon2 would cost ~50 ms per API request for nothing.
 *
 * <p>Every {@link #authenticate} reads the key's row, so a revocation holds from the next request
 * on, on every node sharing the database. {@link KeyActors} may cache what it read; it forgets a
 * key when {@link #onRevoke} tells it. Thread-safe.
 */
public final class ApiKeys {

  public static final String PREFIX = "sw_";

  /**
   * The last-used time is written at most once per key and this period, so a busy key costs one
   * write per minute, not one per request.
   */
  public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private static final int ID_BYTES = 8;
  private static final Pattern KEY =
      Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

  private final AccessDatabase database;
  private final Clock clock;
  private final SecureRandom random;
  private final List<Consumer<ApiKeyId>> revocationListeners = new CopyOnWriteArrayList<>();

  public ApiKeys(AccessDatabase database, Clock clock, SecureRandom random) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Issues a key; its secret is in the result and nowhere else. */
  public CreatedKey create(
      AccountId owner, Optional<PartnerId> actingFor, String name, KeyScope scope) {
    byte[] idBytes = new byte[ID_BYTES];
    random.nextBytes(idBytes);
    ApiKeyId id = new ApiKeyId(HexFormat.of().formatHex(idBytes));
    String secret = Secrets.randomToken(random);
    database.update(
        "INSERT INTO access_api_keys (id, secret_hash, account_id, partner, name,"
            + " tenants, operations, entity_types, created_at, rate_per_minute)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id.value(),
        Secrets.sha256Hex(secret),
        owner.value(),
        actingFor.map(PartnerId::value).orElse(null),
        name.strip(),
        join(scope.tenants(), TenantId::name),
        join(scope.operations(), Operation::name),
        join(scope.entityTypes(), Function.identity()),
        clock.millis(),
        scope.requestsPerMinute().orElse(0));
    return new CreatedKey(id, PREFIX + id.value() + "_" + secret);
  }

  /** The grant of {@code presented} if it is a known, unrevoked key with the right secret. */
  public Optional<KeyGrant> authenticate(String presented) {
    Optional<Presented> parts = parse(presented);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    ApiKeyId id = parts.get().id();
    String presentedHash = parts.get().secretHash();
    long now = clock.millis();
    return database.run(
        connection -> {
          Optional<StoredKey> stored = find(connection, id);
          if (stored.isEmpty() || !Secrets.sameHash(stored.get().secretHash(), presentedHash)) {
            return Optional.empty();
          }
          if (stored
              .get()
              .lastUsedAt()
              .filter(t -> t > now - LAST_USED_PRECISION.toMillis())
              .isEmpty()) {
            touch(connection, id, now);
          }
          return Optional.of(stored.get().grant());
        });
  }

  /**
   * The grant of the unrevoked key {@code id}, without its secret: for work done later on the key's
   * behalf (notifications of a subscription created with it), which must stop once it is revoked.
   * Reads the row every time.
   */
  public Optional<KeyGrant> grant(ApiKeyId id) {
    return database.run(connection -> find(connection, id).map(StoredKey::grant));
  }

  /** A presented key split into the id that finds its row and the hash of its secret. */
  record Presented(ApiKeyId id, String secretHash) {}

  static Optional<Presented> parse(String presented) {
    Matcher parts = KEY.matcher(presented);
    return parts.matches()
        ? Optional.of(
            new Presented(new ApiKeyId(parts.group(1)), Secrets.sha256Hex(parts.group(2))))
        : Optional.empty();
  }

  /** Records a use now, unless another request did within {@link #LAST_USED_PRECISION}. */
  void recordUse(ApiKeyId id) {
    long now = clock.millis();
    database.run(
        connection -> {
          touch(connection, id, now);
          return null;
        });
  }

  /**
   * Calls {@code listener} with every key this instance revokes, after the revocation committed:
   * caches of this node forget the key, and the app tells the other nodes (see {@link KeyActors}).
   */
  public void onRevoke(Consumer<ApiKeyId> listener) {
    revocationListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Revokes a key of {@code owner}; false if it has no such unrevoked key. */
  public boolean revoke(AccountId owner, ApiKeyId key) {
    return revoked(key, revokeWhere("id = ? AND account_id = ?", key.value(), owner.value()));
  }

  /** Revokes any key (operators); false if there is no such unrevoked key. */
  public boolean revoke(ApiKeyId key) {
    return revoked(key, revokeWhere("id = ?", key.value()));
  }

  private boolean revoked(ApiKeyId key, boolean revoked) {
    if (revoked) {
      revocationListeners.forEach(listener -> listener.accept(key));
    }
    return revoked;
  }

  /** The keys of {@code owner}, revoked ones included, oldest first. */
  public List<KeyListing> listFor(AccountId owner) {
    return database.run(
        connection -> {
          List<KeyListing> keys = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id, name, partner, tenants, operations, entity_types, created_at,"
                      + " last_used_at, revoked_at, rate_per_minute FROM access_api_keys"
                      + " WHERE account_id = ?"
                      + " ORDER BY created_at, id")) {
            select.setString(1, owner.value());
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                keys.add(
                    new KeyListing(
                        new ApiKeyId(row.getString(1)),
                        row.getString(2),
                        Optional.ofNullable(row.getString(3)).map(PartnerId::new),
                        scope(row.getString(4), row.getString(5), row.getString(6), row.getInt(10)),
                        Instant.ofEpochMilli(row.getLong(7)),
                        instant(row, 8),
                        instant(row, 9)));
              }
            }
          }
          return keys;
        });
  }

  private boolean revokeWhere(String condition, String... values) {
    Object[] parameters = new Object[values.length + 1];
    parameters[0] = clock.millis();
    System.arraycopy(values, 0, parameters, 1, values.length);
    return database.update(
            "UPDATE access_api_keys SET revoked_at = ? WHERE revoked_at IS NULL AND " + condition,
            parameters)
        > 0;
  }

  private record StoredKey(String secretHash, Optional<Long> lastUsedAt, KeyGrant grant) {}

  private static Optional<StoredKey> find(Connection connection, ApiKeyId id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT secret_hash, account_id, partner, tenants, operations, entity_types,"
                + " last_used_at, rate_per_minute FROM access_api_keys"
                + " WHERE id = ? AND revoked_at IS NULL")) {
      select.setString(1, id.value());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        KeyGrant grant =
            new KeyGrant(
                id,
                new AccountId(row.getString(2)),
                Optional.ofNullable(row.getString(3)).map(PartnerId::new),
                scope(row.getString(4), row.getString(5), row.getString(6), row.getInt(8)));
        long lastUsed = row.getLong(7);
        return Optional.of(
            new StoredKey(
                row.getString(1), row.wasNull() ? Optional.empty() : Optional.of(lastUsed), grant));
      }
    }
  }

  /** Records use; the condition keeps concurrent requests on other nodes from writing again. */
  private static void touch(Connection connection, ApiKeyId id, long now) throws SQLException {
    Statements.update(
        connection,
        "UPDATE access_api_keys SET last_used_at = ? WHERE id = ?"
            + " AND (last_used_at IS NULL OR last_used_at <= ?)",
        now,
        id.value(),
        now - LAST_USED_PRECISION.toMillis());
  }

  private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  /** A stored scope; {@code ratePerMinute} 0 is none. */
  private static KeyScope scope(
      String tenants, String operations, String types, int ratePerMinute) {
    return new KeyScope(
        split(tenants).stream().map(TenantId::of).collect(Collectors.toSet()),
        split(operations).stream().map(Operation::valueOf).collect(Collectors.toSet()),
        split(types),
        ratePerMinute > 0 ? Optional.of(ratePerMinute) : Optional.empty());
  }

  /**
   * Each value followed by a newline, so that an empty set ("") and the default tenant's empty name
   * ("\n") stay apart.
   */
  private static <T> String join(Set<T> values, Function<T, String> text) {
    return values.stream()
        .map(value -> text.apply(value) + "\n")
        .sorted()
        .collect(Collectors.joining());
  }

  private static Set<String> split(String joined) {
    List<String> values = Arrays.asList(joined.split("\n", -1));
    return Set.copyOf(values.subList(0, values.size() - 1));
  }
}
