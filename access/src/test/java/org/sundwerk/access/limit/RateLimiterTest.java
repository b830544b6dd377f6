package org.sundwerk.access.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.ApiKeyId;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.MutableClock;
import org.sundwerk.access.Operation;

class RateLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final RateLimiter limiter =
      new RateLimiter(
          new RateLimits(
              Map.of(
                  Tier.ANONYMOUS, new Limit(60, Duration.ofMinutes(1), 3),
                  Tier.RESIDENT, new Limit(600, Duration.ofMinutes(1), 10))),
          clock);

  private static final Actor CLIENT_A = new Actor.Anonymous("192.0.2.1");
  private static final Actor CLIENT_B = new Actor.Anonymous("192.0.2.2");
  private static final Actor RESIDENT = new Actor.Resident(new AccountId("r"));

  private int allowedInARow(Actor actor) {
    int allowed = 0;
    while (limiter.tryAcquire(actor) instanceof Verdict.Allowed) {
      allowed++;
    }
    return allowed;
  }

  @Test
  void anAnonymousClientGetsItsBurstThenARetryAfter() {
    assertThat(allowedInARow(CLIENT_A)).isEqualTo(3);

    assertThat(limiter.tryAcquire(CLIENT_A)).isEqualTo(new Verdict.Limited(1));
  }

  @Test
  void theBucketRefillsAsTimePasses() {
    allowedInARow(CLIENT_A);

    clock.advance(Duration.ofSeconds(2));

    assertThat(allowedInARow(CLIENT_A)).isEqualTo(2);
  }

  @Test
  void clientsAndTiersHaveTheirOwnBuckets() {
    allowedInARow(CLIENT_A);

    assertThat(allowedInARow(CLIENT_B)).isEqualTo(3);
    assertThat(allowedInARow(RESIDENT)).isEqualTo(10);
  }

  @Test
  void eachKeyHasItsOwnBucketInItsOwnersTier() {
    KeyScope read = new KeyScope(Set.of(), Set.of(Operation.READ), Set.of());
    Actor first = new Actor.ApiKey(new ApiKeyId("k1"), RESIDENT, read);
    Actor second = new Actor.ApiKey(new ApiKeyId("k2"), RESIDENT, read);

    assertThat(allowedInARow(first)).isEqualTo(10);
    assertThat(allowedInARow(second)).isEqualTo(10);
  }

  @Test
  void aKeyWithItsOwnRateGetsNoMoreThanThatRate() {
    Actor sixty =
        new Actor.ApiKey(
            new ApiKeyId("k3"),
            RESIDENT,
            new KeyScope(Set.of(), Set.of(Operation.READ), Set.of(), Optional.of(6)));
    Actor generous =
        new Actor.ApiKey(
            new ApiKeyId("k4"),
            RESIDENT,
            new KeyScope(Set.of(), Set.of(Operation.READ), Set.of(), Optional.of(100_000)));

    assertThat(allowedInARow(sixty)).isEqualTo(6);
    clock.advance(Duration.ofSeconds(10));
    assertThat(allowedInARow(sixty)).isEqualTo(1);
    assertThat(allowedInARow(generous)).isEqualTo(10);
  }

  @Test
  void aTierWithoutALimitIsNotLimited() {
    Actor platform = new Actor.PlatformOperator(Optional.empty());

    for (int i = 0; i < 10_000; i++) {
      assertThat(limiter.tryAcquire(platform)).isEqualTo(new Verdict.Allowed());
    }
  }

  @Test
  void retryAfterSaysHowLongUntilTheNextRequestFits() {
    RateLimiter slow =
        new RateLimiter(
            new RateLimits(Map.of(Tier.ANONYMOUS, new Limit(1, Duration.ofMinutes(1), 1))), clock);
    slow.tryAcquire(CLIENT_A);

    assertThat(slow.tryAcquire(CLIENT_A)).isEqualTo(new Verdict.Limited(60));
    clock.advance(Duration.ofSeconds(45));
    assertThat(slow.tryAcquire(CLIENT_A)).isEqualTo(new Verdict.Limited(15));
  }
}
