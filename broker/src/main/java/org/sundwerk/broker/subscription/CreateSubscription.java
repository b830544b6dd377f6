package org.sundwerk.broker.subscription;

import java.util.Optional;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import tools.jackson.databind.JsonNode;

/** Create Subscription (clause 5.8.1). */
public final class CreateSubscription {

  private final SubscriptionWrites writes;

  CreateSubscription(SubscriptionWrites writes) {
    this.writes = writes;
  }

  /**
   * @param context the request's @context, used to compact notifications unless the body names a
   *     {@code jsonldContext}
   * @return the created subscription
   * @throws NgsiLdException BadRequestData for an invalid payload, AlreadyExists for a taken id
   */
  public Subscription handle(
      String tenant, JsonNode body, TermDictionary terms, Optional<JsonNode> context) {
    return handle(tenant, Optional.empty(), body, terms, context);
  }

  /** As {@link #handle(String, JsonNode, TermDictionary, Optional)}, owned by {@code owner}. */
  public Subscription handle(
      String tenant,
      Optional<SubscriptionOwner> owner,
      JsonNode body,
      TermDictionary terms,
      Optional<JsonNode> context) {
    Subscription subscription =
        SubscriptionJson.read(body, terms, context, writes.clock.instant()).withOwner(owner);
    if (!writes.store.create(tenant, subscription)) {
      throw NgsiLdException.alreadyExists("Subscription " + subscription.id() + " already exists");
    }
    writes.changed(tenant);
    return subscription;
  }

  /**
   * The platform's entry point: as {@link #handle(String, Optional, JsonNode, TermDictionary,
   * Optional)}, and the endpoint may also be {@code local:<name>} ({@link LocalEndpoints}). Only
   * code of the platform calls this (the portal's map, alerts); the NGSI-LD API never does, so a
   * client cannot create a local subscription. Replaces nothing: a taken id is AlreadyExists.
   */
  public Subscription platform(
      String tenant,
      Optional<SubscriptionOwner> owner,
      JsonNode body,
      TermDictionary terms,
      Optional<JsonNode> context) {
    Subscription subscription =
        SubscriptionJson.read(body, terms, context, writes.clock.instant(), true).withOwner(owner);
    if (!writes.store.create(tenant, subscription)) {
      throw NgsiLdException.alreadyExists("Subscription " + subscription.id() + " already exists");
    }
    writes.changed(tenant);
    return subscription;
  }
}
