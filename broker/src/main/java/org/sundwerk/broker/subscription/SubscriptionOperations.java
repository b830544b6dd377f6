package org.sundwerk.broker.subscription;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sundwerk.broker.cluster.ClusterSignals;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import tools.jackson.databind.JsonNode;

/**
 * The subscription operations of clause 5.8: CreateSubscription, RetrieveSubscription,
 * QuerySubscriptions, UpdateSubscription and DeleteSubscription. Each write is committed by the
 * {@link SubscriptionStore} and then reloads the tenant's entry in {@link ActiveSubscriptions}, so
 * an entity write acknowledged after a subscription write is matched against it, and signals the
 * other nodes on the database to reload theirs (they match against it shortly after). Thread-safe.
 */
public final class SubscriptionOperations {

  private final SubscriptionStore store;
  private final ActiveSubscriptions active;
  private final ClusterSignals signals;
  private final Clock clock;
  private final int maxPageSize;

  public SubscriptionOperations(
      SubscriptionStore store,
      ActiveSubscriptions active,
      ClusterSignals signals,
      Clock clock,
      int maxPageSize) {
    this.store = store;
    this.active = active;
    this.signals = signals;
    this.clock = clock;
    this.maxPageSize = maxPageSize;
  }

  /**
   * CreateSubscription (clause 5.8.1).
   *
   * @param context the request's @context, used to compact notifications unless the body names a
   *     {@code jsonldContext}
   * @return the created subscription
   * @throws NgsiLdException BadRequestData for an invalid payload, AlreadyExists for a taken id
   */
  public Subscription create(
      String tenant, JsonNode body, TermDictionary terms, Optional<JsonNode> context) {
    Subscription subscription = SubscriptionJson.read(body, terms, context, clock.instant());
    if (!store.create(tenant, subscription)) {
      throw NgsiLdException.alreadyExists("Subscription " + subscription.id() + " already exists");
    }
    changed(tenant);
    return subscription;
  }

  /** RetrieveSubscription (clause 5.8.3). */
  public Subscription retrieve(String tenant, String id) {
    return store
        .find(tenant, id)
        .orElseThrow(() -> NgsiLdException.notFound("Subscription " + id + " does not exist"));
  }

  /** QuerySubscriptions (clause 5.8.4): one page and, if asked, the total. */
  public Page query(String tenant, int limit, int offset, boolean count) {
    if (limit < 0 || offset < 0) {
      throw NgsiLdException.badRequestData("limit and offset must not be negative");
    }
    if (limit > maxPageSize) {
      throw new NgsiLdException(
          org.sundwerk.ngsild.error.ErrorType.TOO_MANY_RESULTS,
          "limit must not exceed " + maxPageSize);
    }
    List<Subscription> page = limit == 0 ? List.of() : store.list(tenant, limit, offset);
    return new Page(page, count ? Optional.of(store.count(tenant)) : Optional.empty());
  }

  /** A page of subscriptions and the total count if it was asked for. */
  public record Page(List<Subscription> subscriptions, Optional<Long> count) {}

  /** UpdateSubscription (clause 5.8.2): the fragment's members replace the stored ones. */
  public Subscription update(
      String tenant,
      String id,
      JsonNode fragment,
      TermDictionary terms,
      Optional<JsonNode> context) {
    Subscription current = retrieve(tenant, id);
    Subscription updated =
        SubscriptionJson.merge(current, fragment, terms, context, clock.instant());
    if (!store.replace(tenant, updated)) {
      throw NgsiLdException.notFound("Subscription " + id + " does not exist");
    }
    changed(tenant);
    return updated;
  }

  /** DeleteSubscription (clause 5.8.5); its pending notifications go with it. */
  public void delete(String tenant, String id) {
    if (!store.delete(tenant, id)) {
      throw NgsiLdException.notFound("Subscription " + id + " does not exist");
    }
    changed(tenant);
  }

  private void changed(String tenant) {
    active.reload(tenant);
    signals.publish(ClusterSignals.Topic.SUBSCRIPTIONS, tenant);
  }
}
