package org.sundwerk.broker.subscription;

import org.sundwerk.ngsild.error.NgsiLdException;

/** Retrieve Subscription (clause 5.8.3). */
public final class RetrieveSubscription {

  private final SubscriptionStore store;

  RetrieveSubscription(SubscriptionStore store) {
    this.store = store;
  }

  public Subscription handle(String tenant, String id) {
    return store
        .find(tenant, id)
        .orElseThrow(() -> NgsiLdException.notFound("Subscription " + id + " does not exist"));
  }
}
