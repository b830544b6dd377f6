package org.sundwerk.broker.subscription;

import java.time.Instant;
import java.util.Optional;

/**
 * The delivery counters of a subscription (clause 5.2.14, NotificationParams status members).
 *
 * @param timesSent notifications attempted
 * @param timesFailed attempts that failed
 * @param lastNotification time of the last attempt
 * @param lastSuccess time of the last successful delivery
 * @param lastFailure time of the last failed attempt
 */
public record DeliveryStatus(
    long timesSent,
    long timesFailed,
    Optional<Instant> lastNotification,
    Optional<Instant> lastSuccess,
    Optional<Instant> lastFailure) {

  public static final DeliveryStatus NONE =
      new DeliveryStatus(0, 0, Optional.empty(), Optional.empty(), Optional.empty());

  /** {@code ok} unless the last attempt failed. */
  public String state() {
    if (lastFailure.isPresent()
        && (lastSuccess.isEmpty() || lastFailure.get().isAfter(lastSuccess.get()))) {
      return "failed";
    }
    return "ok";
  }
}
