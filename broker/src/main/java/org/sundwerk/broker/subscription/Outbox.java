package org.sundwerk.broker.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The notifications waiting to be delivered, written by the store in the transaction of the change
 * that caused them (ARCHITECTURE principle 6). A message stays until it is settled as delivered.
 *
 * <p>Fresh messages (never attempted) are read by increasing id without taking any lock, so the hot
 * path of the notifier never waits for the entity writer; failed and throttled messages become
 * retries with a due time, claimed with a lease. One notifier drains one outbox: at start it reads
 * the fresh messages from the beginning again and {@link #releaseClaims} makes every retry due, so
 * what a previous process left unsettled is sent again. Implementations are thread-safe.
 */
public interface Outbox {

  /** Up to {@code max} fresh messages with an id above {@code afterId}, in id order; only reads. */
  List<OutboxMessage> fresh(long afterId, int max);

  /**
   * Applies the outcomes of finished deliveries, then claims up to {@code max} retries due at
   * {@code now} until {@code leaseUntil}, oldest first; all in one transaction.
   */
  List<OutboxMessage> settleAndClaimRetries(
      Settlement settlement, int max, Instant now, Instant leaseUntil);

  /** Makes every retry due at {@code now}: called once when the notifier starts. */
  void releaseClaims(Instant now);

  /** Messages not yet delivered. */
  long pending();

  /**
   * What the notifier learned since its last poll.
   *
   * @param delivered messages to delete: delivered, or of a subscription that no longer exists
   * @param retries failed messages: unclaim, count the attempt, due again later
   * @param postponed throttled messages: unclaim without counting an attempt, due again later
   * @param deliveries counter updates of the subscriptions
   */
  record Settlement(
      List<Long> delivered,
      List<Retry> retries,
      List<Postponed> postponed,
      List<Deliveries> deliveries) {

    public static final Settlement NONE =
        new Settlement(List.of(), List.of(), List.of(), List.of());

    public boolean isEmpty() {
      return delivered.isEmpty()
          && retries.isEmpty()
          && postponed.isEmpty()
          && deliveries.isEmpty();
    }
  }

  /** Failed messages, due again at {@code next}. */
  record Retry(List<Long> ids, Instant next, String error) {}

  /** Throttled messages, due again at {@code next}. */
  record Postponed(List<Long> ids, Instant next) {}

  /**
   * Delivery outcomes of one subscription, added to its status counters.
   *
   * @param sent notifications attempted
   * @param failed of which failed
   * @param lastSuccess time of the latest success among them
   * @param lastFailure time of the latest failure among them
   */
  record Deliveries(
      String tenant,
      String subscriptionId,
      int sent,
      int failed,
      Optional<Instant> lastSuccess,
      Optional<Instant> lastFailure) {}
}
