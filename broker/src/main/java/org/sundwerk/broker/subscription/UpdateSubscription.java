package org.sundwerk.broker.subscription;

import java.util.Optional;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import tools.jackson.databind.JsonNode;

/** Update Subscription (clause 5.8.2): the fragment's members replace the stored ones. */
public final class UpdateSubscription {

  private final SubscriptionWrites writes;
  private final RetrieveSubscription retrieve;

  UpdateSubscription(SubscriptionWrites writes, RetrieveSubscription retrieve) {
    this.writes = writes;
    this.retrieve = retrieve;
  }

  public Subscription handle(
      String tenant,
      String id,
      JsonNode fragment,
      TermDictionary terms,
      Optional<JsonNode> context) {
    Subscription current = retrieve.handle(tenant, id);
    Subscription updated =
        SubscriptionJson.merge(current, fragment, terms, context, writes.clock.instant());
    if (!writes.store.replace(tenant, updated)) {
      throw NgsiLdException.notFound("Subscription " + id + " does not exist");
    }
    writes.changed(tenant);
    return updated;
  }
}
