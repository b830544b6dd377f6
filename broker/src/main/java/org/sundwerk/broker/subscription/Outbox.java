package org.sundwerk.broker.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The notifications waiting to be delivered, written by the store in the transaction of the change
 * that caused them (ARCHITECTURE principle 6). A message stays until it is {@link #delivered}; a
 * claim only keeps other polls of the same notifier from taking it again.
 *
 * <p>One notifier drains one outbox: {@link #releaseClaims()} at start returns the messages a
 * previous process claimed but never settled. Implementations are thread-safe.
 */
public interface Outbox {

  /**
   * Claims up to {@code max} unclaimed messages due at {@code now}, oldest first, skipping those of
   * the subscriptions in {@code skipSubscriptions}.
   */
  List<OutboxMessage> claim(int max, Instant now, Collection<String> skipSubscriptions);

  /** Deletes delivered (or no longer deliverable) messages. */
  void delivered(Collection<Long> ids);

  /** Unclaims failed messages, counts the attempt and makes them due again at {@code next}. */
  void retry(Collection<Long> ids, Instant next, String error);

  /** Unclaims messages without counting an attempt (throttling), due again at {@code next}. */
  void postpone(Collection<Long> ids, Instant next);

  /** Unclaims every message: called once when the notifier starts. */
  void releaseClaims();

  /** Messages not yet delivered. */
  long pending();
}
