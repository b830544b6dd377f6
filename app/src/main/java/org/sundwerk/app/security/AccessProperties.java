package org.sundwerk.app.security;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.sundwerk.access.limit.Limit;
import org.sundwerk.access.limit.RateLimits;
import org.sundwerk.access.limit.Tier;

/**
 * Access settings under {@code sundwerk.access}. The bootstrap secrets have names of their own
 * ({@code SUNDWERK_ADMIN_API_KEY}, {@code SUNDWERK_ADMIN_PASSWORD}, read by {@link
 * AccessConfiguration}).
 *
 * @param keyCache how long a node keeps a resolved API key before it reads the key's row again;
 *     bounds how long a node that missed a revocation message can accept the key. Revocations on
 *     the same node (and, on PostgreSQL, on every node told by NOTIFY) take effect at once. 0
 *     disables the cache: every request reads the row. Default 30 s.
 * @param trustedProxies remote addresses of reverse proxies whose {@code X-Forwarded-For} names the
 *     client that the rate limiter counts; empty (default): the TCP peer is the client
 * @param rateLimited false switches rate limits off (load tests); default true
 * @param operatorEmail the e-mail address of the platform operator created on first start
 * @param rateLimits the limit of a tier ({@code anonymous}, {@code resident}, {@code partner},
 *     {@code operator}, {@code platform}; a key counts as its owner's tier) as {@code requests} per
 *     {@code period} with bursts of {@code burst}; a tier not named keeps {@link
 *     RateLimits#DEFAULT} (where {@code platform} is unlimited); a value not named keeps that
 *     tier's default ({@code platform}: per minute), except that a burst left out is at most the
 *     requests. {@code sundwerk.access.rate-limits.anonymous.requests=600} alone: 600 per minute in
 *     bursts of 60.
 * @param auditRetention how long the audit log keeps an event; the leader deletes older ones once a
 *     day. Default 365 days.
 */
@ConfigurationProperties("sundwerk.access")
public record AccessProperties(
    @DefaultValue("30s") Duration keyCache,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue("true") boolean rateLimited,
    @DefaultValue("admin@localhost") String operatorEmail,
    @DefaultValue Map<Tier, TierLimit> rateLimits,
    @DefaultValue("365d") Duration auditRetention) {

  /** One tier's limit as configured; a value left out is the tier's default. */
  public record TierLimit(
      Optional<Long> requests, Optional<Duration> period, Optional<Long> burst) {
    /** The binder passes null for a value left out. */
    public TierLimit {
      requests = requests == null ? Optional.empty() : requests;
      period = period == null ? Optional.empty() : period;
      burst = burst == null ? Optional.empty() : burst;
    }
  }

  /** The limits in force: none when switched off, else the defaults with the configured ones. */
  RateLimits limits() {
    if (!rateLimited) {
      return new RateLimits(Map.of());
    }
    Map<Tier, Limit> limits = new EnumMap<>(Tier.class);
    limits.putAll(RateLimits.DEFAULT.limits());
    rateLimits.forEach(
        (tier, configured) -> {
          Optional<Limit> base = RateLimits.DEFAULT.of(tier);
          long requests =
              configured
                  .requests()
                  .or(() -> base.map(Limit::requests))
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "sundwerk.access.rate-limits."
                                  + tier.name().toLowerCase(Locale.ROOT)
                                  + ".requests is required: the tier has no default"));
          limits.put(
              tier,
              new Limit(
                  requests,
                  configured
                      .period()
                      .or(() -> base.map(Limit::period))
                      .orElse(Duration.ofMinutes(1)),
                  configured
                      .burst()
                      .orElse(Math.min(requests, base.map(Limit::burst).orElse(requests)))));
        });
    return new RateLimits(limits);
  }
}
