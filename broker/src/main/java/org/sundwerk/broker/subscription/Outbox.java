package org.sundwerk.broker.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The notifications waiting to be delivered, written by the store in the transaction of the change
 * that caused them (ARCHITECTURE principle 6). A message stays until it is settled as delivered.
 *
 * <p>Where one node uses the database, fresh messages (never attempted) are read by increasing id
 * without taking any lock, so the hot path of the notifier never waits for the entity writer; at
 * start the notifier reads them from the beginning again and {@link #releaseClaims} makes every
 * retry due, so what a previous process left unsettled is sent again. Where several nodes share the
 * database, {@link #fresh} claims each message for one node with a lease instead: a claimed message
 * is a retry due when the lease ends, so the messages of a node that died are claimed by another
 * once their lease has passed, and {@link #releaseClaims} leaves other nodes' claims alone. The
 * changes of one subscription may then be sent by different nodes, so their order and throttling
 * hold per node only.
 *
 * <p>Failed and throttled messages become retries with a due time, claimed with a lease. One
 * notifier per node drains the outbox. Implementations are thread-safe.
 */
public interface Outbox {

  /**
   * Up to {@code max} fresh messages in id order. On a database of one node, those with an id above
   * {@code afterId}, only read; on a database several nodes share, claimed for this node until
   * {@code leaseUntil} ({@code afterId} is ignored), so that no other node gets them before then.
   */
  List<OutboxMessage> fresh(long afterId, int max, Instant leaseUntil);

  /**
   * Applies the outcomes of finished deliveries, then claims up to {@code max} retries due at
   * {@code now} until {@code leaseUntil}, oldest first; all in one transaction.
   */
  List<OutboxMessage> settleAndClaimRetries(
      Settlement settlement, int max, Instant now, Instant leaseUntil);

  /**
   * Extends this node's claims on the messages that are still claimed (not yet settled) until
   * {@code leaseUntil}; fresh messages that were only read stay fresh.
   */
  void renewClaims(List<Long> ids, Instant leaseUntil);

  /**
   * Called once when the notifier starts. On a database of one node it makes every retry due at
   * {@code now}, since no one else holds a claim; on a shared one it does nothing, since the claims
   * may be other nodes' (this node's own come back when their lease ends).
   */
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
