package org.sundwerk.app.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's {@link Clock} in a test: the system clock until a test sets it to a day (a summer or
 * winter day), from which it runs on at the real pace until it is reset; it never stands still, so
 * rate limits refill as they do in production. Set it only to instants in the past and later than
 * the one before (and reset it last): time that runs backwards empties the app's token buckets.
 * Thread-safe.
 */
final class SettableClock extends Clock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  void set(Instant instant) {
    offset.set(Duration.between(Instant.now(), instant));
  }

  void reset() {
    offset.set(Duration.ZERO);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }
}
