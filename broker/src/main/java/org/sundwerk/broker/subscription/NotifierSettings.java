package org.sundwerk.broker.subscription;

import java.time.Duration;

/**
 * How the notifier drains the outbox.
 *
 * @param claimBatch most messages claimed per poll
 * @param maxPerNotification most changes bundled into one Notification of one subscription
 * @param concurrency most subscriptions being notified at the same time; a slow endpoint holds one
 * @param pollInterval pause between polls when the outbox had nothing new
 * @param settleInterval how often outcomes are written back and due retries claimed
 * @param retryInitial delay before the first retry; doubled per failed attempt
 * @param retryMax the longest delay between retries
 * @param claimLease how long a claimed message is kept from other claims (other nodes, a later
 *     retry claim) before it is settled; after a crash it is sent again once the lease has passed,
 *     so it must exceed the time a message waits in memory and is sent
 */
public record NotifierSettings(
    int claimBatch,
    int maxPerNotification,
    int concurrency,
    Duration pollInterval,
    Duration settleInterval,
    Duration retryInitial,
    Duration retryMax,
    Duration claimLease) {

  public static final NotifierSettings DEFAULTS =
      new NotifierSettings(
          2_000,
          100,
          64,
          Duration.ofMillis(10),
          Duration.ofMillis(100),
          Duration.ofMillis(250),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1));

  /** The delay before the next attempt after {@code attempts} failed ones (at least one). */
  public Duration backoff(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 30);
    long millis = retryInitial.toMillis() << doublings;
    return millis <= 0 || millis > retryMax.toMillis() ? retryMax : Duration.ofMillis(millis);
  }
}
