package org.sundwerk.app.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's {@link Clock} in a test: the system clock until a test sets a fixed instant (a summer
 * or winter day), then that instant until it is reset. Thread-safe.
 */
final class SettableClock extends Clock {

  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  void set(Instant instant) {
    fixed.set(instant);
  }

  void reset() {
    fixed.set(null);
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
    Instant at = fixed.get();
    return at == null ? Instant.now() : at;
  }
}
