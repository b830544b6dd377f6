package org.sundwerk.access.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.sundwerk.access.Actor;

/**
 * Token buckets (Bucket4j) per API key, per account and per anonymous client address, sized by the
 * actor's {@link Tier}. Buckets live in this node's memory: with N nodes behind a balancer a client
 * gets up to N times the limit, unless the app switches to Bucket4j's PostgreSQL proxy manager
 * ({@code bucket4j_jdk17-postgresql}) for shared buckets. Idle buckets are dropped after an hour; a
 * dropped bucket comes back full, which an idle client would have reached anyway when the period is
 * shorter. Thread-safe.
 */
public final class RateLimiter {

  private static final Duration IDLE = Duration.ofHours(1);
  private static final long MAX_BUCKETS = 100_000;

  private final RateLimits limits;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;

  public RateLimiter(RateLimits limits, Clock clock) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.time = new ClockTimeMeter(Objects.requireNonNull(clock, "clock"));
    this.buckets =
        Caffeine.newBuilder()
            .expireAfterAccess(IDLE)
            .maximumSize(MAX_BUCKETS)
            .ticker(() -> clock.millis() * 1_000_000)
            .build();
  }

  /**
   * Takes one request from the actor's bucket: sized by its tier, narrowed by a key's own rate
   * limit. Limits switched off (no tier limit) switch the keys' off too.
   */
  public Verdict tryAcquire(Actor actor) {
    Tier tier = Tier.of(actor);
    Optional<Limit> limit = limits.of(tier).map(general -> narrowed(general, actor));
    if (limit.isEmpty()) {
      return new Verdict.Allowed();
    }
    Bucket bucket = buckets.get(tier + "|" + bucketKey(actor), key -> newBucket(limit.get()));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return new Verdict.Allowed();
    }
    long nanos = probe.getNanosToWaitForRefill();
    return new Verdict.Limited(Math.max(1, (nanos + 999_999_999) / 1_000_000_000));
  }

  /**
   * The tier's limit, or a key's own per-minute rate with the same burst ceiling where that is
   * lower (a data product sold with 60 requests a minute gets no more from a partner's tier).
   */
  private static Limit narrowed(Limit general, Actor actor) {
    if (!(actor instanceof Actor.ApiKey key) || key.scope().requestsPerMinute().isEmpty()) {
      return general;
    }
    long own = key.scope().requestsPerMinute().get();
    double generalPerMinute =
        general.requests() * (double) Duration.ofMinutes(1).toNanos() / general.period().toNanos();
    return own < generalPerMinute
        ? new Limit(own, Duration.ofMinutes(1), Math.min(own, general.burst()))
        : general;
  }

  /** Keys count per key (not per owner): a leaked key's abuse does not starve its siblings. */
  private static String bucketKey(Actor actor) {
    return switch (actor) {
      case Actor.Anonymous anonymous -> "client:" + anonymous.client();
      case Actor.ApiKey key -> "key:" + key.key().value();
      default -> actor.principal();
    };
  }

  private Bucket newBucket(Limit limit) {
    return Bucket.builder()
        .addLimit(
            bandwidth ->
                bandwidth.capacity(limit.burst()).refillGreedy(limit.requests(), limit.period()))
        .withCustomTimePrecision(time)
        .build();
  }

  /** Bucket4j's time from the injected clock, so tests move time instead of sleeping. */
  private record ClockTimeMeter(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return clock.millis() * 1_000_000;
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
