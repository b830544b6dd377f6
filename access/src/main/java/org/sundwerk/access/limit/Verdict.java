package org.sundwerk.access.limit;

/** The rate limiter's answer for one request. */
public sealed interface Verdict {

  /** Go ahead. */
  record Allowed() implements Verdict {}

  /** Answer 429 with {@code Retry-After: retryAfterSeconds} (at least 1). */
  record Limited(long retryAfterSeconds) implements Verdict {}
}
