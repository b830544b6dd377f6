package org.sundwerk.broker.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The notifications waiting to be delivered, written by the store in the transaction of the change
 * that caused them (ARCHITECTURE principle 6). A message stays until it is settled as delivered; a
 * claim only keeps later polls of the same notifier from taking it again.
 *
 * <p>One notifier drains one outbox: {@link #releaseClaims()} at start returns the messages a
 * previous process claimed but never settled. Implementations are thread-safe.
 */
public interface Outbox {

  /**
   * Applies the outcomes of finished deliveries, then claims up to {@code max} unclaimed messages
   * due at {@code now}, oldest first, skipping those of the subscriptions in {@code
   * skipSubscriptions}; all in one transaction, so that a busy notifier costs the entity writer one
   * lock hand-over per poll.
   */
  List<OutboxMessage> settleAndClaim(
      Settlement settlement, int max, Instant now, Collection<String> skipSubscriptions);

  /** Unclaims every message: called once when the notifier starts. */
  void releaseClaims();

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
