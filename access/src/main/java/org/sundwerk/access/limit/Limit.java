package org.sundwerk.access.limit;

import java.time.Duration;

/**
 * A token bucket: up to {@code burst} requests at once, refilled smoothly at {@code requests} per
 * {@code period}. Example: 600 per minute with a burst of 100.
 */
public record Limit(long requests, Duration period, long burst) {

  public Limit {
    if (requests < 1 || burst < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a limit allows at least one request per period");
    }
  }
}
