package org.sundwerk.access.key;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.ApiKeyId;
import org.sundwerk.access.Secrets;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Account;
import org.sundwerk.access.account.Accounts;

/**
 * Turns a presented API key into the actor of a request in one tenant: the bootstrap key, or a
 * stored key whose owner's current roles (not those at issue time) bound it. A key of a deleted or
 * unverified account, or an unknown or revoked key, is no actor: the app answers 401.
 *
 * <p>Resolving a stored key reads three small rows (key, account, roles): median 65 µs on SQLite
 * and 150 µs on PostgreSQL, against 3 µs from the cache ({@code KeyLookupMeasurement} in the tests,
 * 2 cores at load average 15 from parallel builds, 2026-12-03). A GET by id costs at most 280 µs of
 * CPU (7,112 req/s on 2 cores shared with wrk, bench/README.md), so the uncached lookup alone would
 * miss the goal of 90 % of the keyless rate. So what was read may be cached for {@code cacheFor}
 * ({@link Duration#ZERO}: no cache). The cache forgets a key as soon as this node revokes it or
 * changes or deletes its owner ({@link ApiKeys#onRevoke}, {@link Accounts#onChange}). Other nodes
 * must be told too: the app relays those events to them (on PostgreSQL by {@code NOTIFY}, as the
 * broker's subscription caches are) and calls {@link #forgetKey} / {@link #forgetOwner} there;
 * {@code cacheFor} bounds how long a node that missed a message can be wrong. Thread-safe.
 */
public final class KeyActors {

  private static final long MAX_CACHED_KEYS = 10_000;

  private final ApiKeys keys;
  private final Accounts accounts;
  private final Optional<BootstrapKey> bootstrap;
  private final Clock clock;
  private final Optional<Cache<ApiKeyId, Resolved>> cache;

  /**
   * Bumped by every forget: a lookup that started before a forget must not put what it read into
   * the cache, or a revocation racing with it would be undone until the entry expires.
   */
  private final AtomicLong generation = new AtomicLong();

  private record Resolved(String secretHash, KeyGrant grant, Account owner, long usedAt) {}

  public KeyActors(
      ApiKeys keys,
      Accounts accounts,
      Optional<BootstrapKey> bootstrap,
      Clock clock,
      Duration cacheFor) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cache =
        cacheFor.isZero()
            ? Optional.empty()
            : Optional.of(
                Caffeine.newBuilder()
                    .expireAfterWrite(cacheFor)
                    .maximumSize(MAX_CACHED_KEYS)
                    .ticker(() -> clock.millis() * 1_000_000)
                    .<ApiKeyId, Resolved>build());
    keys.onRevoke(this::forgetKey);
    accounts.onChange(this::forgetOwner);
  }

  public Optional<Actor> actorFor(String presented, TenantId tenant) {
    Optional<Actor> platform = bootstrap.flatMap(key -> key.actorFor(presented));
    if (platform.isPresent()) {
      return platform;
    }
    Optional<ApiKeys.Presented> parts = ApiKeys.parse(presented);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    ApiKeyId id = parts.get().id();
    Resolved cached = cache.map(c -> c.getIfPresent(id)).orElse(null);
    if (cached != null) {
      // A key's secret never changes: a cached key with another secret is a wrong guess.
      return Secrets.sameHash(cached.secretHash(), parts.get().secretHash())
          ? Optional.of(actor(used(id, cached), tenant))
          : Optional.empty();
    }
    long before = generation.get();
    Optional<Resolved> resolved =
        keys.authenticate(presented)
            .flatMap(
                grant ->
                    accounts
                        .find(grant.owner())
                        .filter(account -> account.emailVerifiedAt().isPresent())
                        .map(
                            owner ->
                                new Resolved(
                                    parts.get().secretHash(), grant, owner, clock.millis())));
    if (resolved.isPresent() && cache.isPresent()) {
      cache.get().put(id, resolved.get());
      if (generation.get() != before) {
        cache.get().invalidate(id);
      }
    }
    return resolved.map(r -> actor(r, tenant));
  }

  /**
   * The actor the stored key {@code id} stands for in {@code tenant} now, read afresh (no cache):
   * empty once it is revoked or its owner is deleted or unverified. For work done on a key's behalf
   * after the request that presented it, such as a subscription's notifications.
   */
  public Optional<Actor> actorForKey(ApiKeyId id, TenantId tenant) {
    return keys.grant(id)
        .flatMap(
            grant ->
                accounts
                    .find(grant.owner())
                    .filter(account -> account.emailVerifiedAt().isPresent())
                    .map(
                        owner ->
                            (Actor)
                                new Actor.ApiKey(
                                    grant.id(),
                                    owner.actorIn(tenant, grant.actingFor()),
                                    grant.scope())));
  }

  /** Forgets a revoked key; call it on every node (see the class comment). */
  public void forgetKey(ApiKeyId key) {
    generation.incrementAndGet();
    cache.ifPresent(c -> c.invalidate(key));
  }

  /** Forgets the keys of an account whose roles changed or which was deleted. */
  public void forgetOwner(AccountId owner) {
    generation.incrementAndGet();
    cache.ifPresent(c -> c.asMap().values().removeIf(r -> r.grant().owner().equals(owner)));
  }

  /**
   * Forgets every cached key: for a node that may have missed messages from the others (its
   * connection to them broke), since it cannot know which keys were revoked meanwhile.
   */
  public void forgetAll() {
    generation.incrementAndGet();
    cache.ifPresent(Cache::invalidateAll);
  }

  /** Records the use of a cached key at most once per {@link ApiKeys#LAST_USED_PRECISION}. */
  private Resolved used(ApiKeyId id, Resolved cached) {
    long now = clock.millis();
    if (now - cached.usedAt() < ApiKeys.LAST_USED_PRECISION.toMillis()) {
      return cached;
    }
    keys.recordUse(id);
    Resolved touched = new Resolved(cached.secretHash(), cached.grant(), cached.owner(), now);
    cache.ifPresent(c -> c.asMap().replace(id, cached, touched));
    return touched;
  }

  private static Actor actor(Resolved resolved, TenantId tenant) {
    return new Actor.ApiKey(
        resolved.grant().id(),
        resolved.owner().actorIn(tenant, resolved.grant().actingFor()),
        resolved.grant().scope());
  }
}
