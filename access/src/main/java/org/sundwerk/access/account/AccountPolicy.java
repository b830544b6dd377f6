package org.sundwerk.access.account;

import java.time.Duration;

/**
 * How long tokens live and how wrong passwords are answered: after {@code maxFailedLogins} wrong
 * passwords in a row an account is locked for {@code lockout}; the count starts again after a
 * success or a lockout. Per-client limits on the login endpoint come from the rate limiter.
 */
public record AccountPolicy(
    int maxFailedLogins, Duration lockout, Duration verificationTtl, Duration resetTtl) {

  /** Five tries, 15 minutes locked; verification links live 48 hours, reset links one hour. */
  public static final AccountPolicy DEFAULT =
      new AccountPolicy(5, Duration.ofMinutes(15), Duration.ofHours(48), Duration.ofHours(1));

  public AccountPolicy {
    if (maxFailedLogins < 1
        || lockout.isNegative()
        || verificationTtl.isNegative()
        || resetTtl.isNegative()) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
