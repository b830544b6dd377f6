package org.sundwerk.broker.subscription;

import java.time.Clock;
import org.sundwerk.broker.cluster.ClusterSignals;

/**
 * What the subscription write handlers share: each write is committed by the {@link
 * SubscriptionStore} and then reloads the tenant's entry in {@link ActiveSubscriptions}, so an
 * entity write acknowledged after a subscription write is matched against it, and signals the other
 * nodes on the database to reload theirs (they match against it shortly after).
 */
final class SubscriptionWrites {

  final SubscriptionStore store;
  final Clock clock;
  private final ActiveSubscriptions active;
  private final ClusterSignals signals;

  SubscriptionWrites(
      SubscriptionStore store, ActiveSubscriptions active, ClusterSignals signals, Clock clock) {
    this.store = store;
    this.active = active;
    this.signals = signals;
    this.clock = clock;
  }

  /** Call after every committed create, update or delete of a subscription of the tenant. */
  void changed(String tenant) {
    active.reload(tenant);
    signals.publish(ClusterSignals.Topic.SUBSCRIPTIONS, tenant);
  }
}
