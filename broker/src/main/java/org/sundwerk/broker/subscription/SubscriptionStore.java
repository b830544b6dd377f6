package org.sundwerk.broker.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable subscriptions per tenant. Implementations are thread-safe; every method commits before it
 * returns.
 */
public interface SubscriptionStore {

  /** Stores a new subscription with its owner; false if the tenant already has one with that id. */
  boolean create(String tenant, Subscription subscription);

  Optional<Subscription> find(String tenant, String id);

  /** A page of the tenant's subscriptions in creation order. */
  default List<Subscription> list(String tenant, int limit, int offset) {
    return list(tenant, Optional.empty(), limit, offset);
  }

  /**
   * A page of the tenant's subscriptions in creation order, only those of {@code party} if given
   * (see {@link SubscriptionOwner#party()}).
   */
  List<Subscription> list(String tenant, Optional<String> party, int limit, int offset);

  default long count(String tenant) {
    return count(tenant, Optional.empty());
  }

  /** How many subscriptions the tenant has, of {@code party} if given. */
  long count(String tenant, Optional<String> party);

  /** Every subscription of every tenant, by tenant: what the notifier's cache starts from. */
  Map<String, List<Subscription>> all();

  /** Replaces the stored definition, keeping the delivery status and owner; false if none. */
  boolean replace(String tenant, Subscription subscription);

  /** Deletes the subscription and its pending notifications; false if there was none. */
  boolean delete(String tenant, String id);

  /**
   * Adds delivery outcomes to the status counters.
   *
   * @param sent notifications attempted
   * @param failed of which failed
   * @param lastSuccess time of the latest success among them
   * @param lastFailure time of the latest failure among them
   */
  void recordDeliveries(
      String tenant,
      String id,
      int sent,
      int failed,
      Optional<Instant> lastSuccess,
      Optional<Instant> lastFailure);
}
