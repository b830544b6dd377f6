package org.sundwerk.broker.subscription;

import java.time.Clock;
import org.sundwerk.broker.cluster.ClusterSignals;

/**
 * The subscription operations of clause 5.8, one handler per operation, each named as the spec
 * names it. Thread-safe.
 */
public record SubscriptionOperations(
    CreateSubscription create,
    RetrieveSubscription retrieve,
    QuerySubscriptions query,
    UpdateSubscription update,
    DeleteSubscription delete) {

  /**
   * @param maxPageSize the largest {@code limit} a query may ask for
   */
  public static SubscriptionOperations create(
      SubscriptionStore store,
      ActiveSubscriptions active,
      ClusterSignals signals,
      Clock clock,
      int maxPageSize) {
    SubscriptionWrites writes = new SubscriptionWrites(store, active, signals, clock);
    RetrieveSubscription retrieve = new RetrieveSubscription(store);
    return new SubscriptionOperations(
        new CreateSubscription(writes),
        retrieve,
        new QuerySubscriptions(store, maxPageSize),
        new UpdateSubscription(writes, retrieve),
        new DeleteSubscription(writes));
  }
}
