package org.sundwerk.broker.subscription;

import org.sundwerk.ngsild.error.NgsiLdException;

/** Delete Subscription (clause 5.8.5); its pending notifications go with it. */
public final class DeleteSubscription {

  private final SubscriptionWrites writes;

  DeleteSubscription(SubscriptionWrites writes) {
    this.writes = writes;
  }

  public void handle(String tenant, String id) {
    if (!writes.store.delete(tenant, id)) {
      throw NgsiLdException.notFound("Subscription " + id + " does not exist");
    }
    writes.changed(tenant);
  }
}
