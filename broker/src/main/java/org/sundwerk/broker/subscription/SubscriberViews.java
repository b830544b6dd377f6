package org.sundwerk.broker.subscription;

import java.util.Optional;
import org.sundwerk.ngsild.model.Entity;

/**
 * What the owner of a subscription may see now, asked before every notification: the broker knows
 * no access rules, the app implements this port with them. Implementations are thread-safe.
 */
public interface SubscriberViews {

  /** Everyone sees everything: the broker without access rules. */
  SubscriberViews EVERYTHING = (tenant, subscription) -> Optional.of(View.EVERYTHING);

  /**
   * The owner's view now; empty when it may not be notified any more (its key revoked, its account
   * deleted, its right to read gone): the notifier drops the notification and records a failed
   * delivery. Given the parsed subscription, so that the view may also leave out entities whose
   * hidden attributes its filters read.
   */
  Optional<View> of(String tenant, Matcher subscription);

  /** Cuts an entity down to what one owner may see. */
  @FunctionalInterface
  interface View {

    View EVERYTHING = Optional::of;

    /** The entity without what the owner may not see; empty if it may not see the entity. */
    Optional<Entity> apply(Entity entity);
  }
}
