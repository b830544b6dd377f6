package org.sundwerk.broker.subscription;

import java.util.List;
import org.sundwerk.broker.entity.EntityChange;

/**
 * The rule "a change causes notifications" (clause 5.8 and 7.2): which subscriptions an entity
 * change notifies, why, and whether their message needs the entity as it was before. The store
 * calls it inside the change's transaction and only persists what it answers (ARCHITECTURE
 * principle 6: the change and its notifications commit together).
 *
 * <p>Contract: pure and fast, no I/O and no blocking (it runs on the store's single writer thread);
 * thread-safe.
 */
@FunctionalInterface
public interface ChangeNotifications {

  /** The notifications the change causes, none if it matches no subscription. */
  List<Caused> of(EntityChange change);

  /**
   * One notification a change causes.
   *
   * @param subscriptionId the subscription to notify
   * @param trigger why it is notified
   * @param needsBefore whether the message carries the entity before the change (a deletion, or
   *     {@code showChanges})
   */
  record Caused(String subscriptionId, Trigger trigger, boolean needsBefore) {}
}
