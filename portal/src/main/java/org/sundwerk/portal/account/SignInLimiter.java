package org.sundwerk.portal.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.sundwerk.access.Actor;
import org.sundwerk.access.limit.Limit;
import org.sundwerk.access.limit.RateLimiter;
import org.sundwerk.access.limit.RateLimits;
import org.sundwerk.access.limit.Tier;
import org.sundwerk.access.limit.Verdict;
import org.sundwerk.portal.PortalProperties;

/**
 * Limits the forms that cost a password hash or send a mail (login, registration, reset request,
 * account deletion) per client address, on top of the general rate limit: each login costs an
 * Argon2id hash, and guessing passwords from one address must stay slow even before the account
 * lockout. Per node, as the general limiter.
 */
@Component
final class SignInLimiter {

  private final RateLimiter limiter;

  SignInLimiter(PortalProperties properties, Clock clock) {
    int attempts = properties.signInAttempts();
    this.limiter =
        new RateLimiter(
            new RateLimits(
                Map.of(Tier.ANONYMOUS, new Limit(attempts, Duration.ofMinutes(1), attempts))),
            clock);
  }

  /** Empty when {@code client} may try now, else the seconds to wait. */
  OptionalLong retryAfter(String client) {
    return limiter.tryAcquire(new Actor.Anonymous(client)) instanceof Verdict.Limited limited
        ? OptionalLong.of(limited.retryAfterSeconds())
        : OptionalLong.empty();
  }
}
