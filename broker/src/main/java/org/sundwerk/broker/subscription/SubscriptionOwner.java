package org.sundwerk.broker.subscription;

import java.util.Objects;

/**
 * Who created a subscription, in the app's words; the broker only stores and compares the two
 * values.
 *
 * @param party who owns it: lists of "my subscriptions" filter on it (one account, whichever key or
 *     session it used)
 * @param principal what the app resolves before each notification to learn what the owner may see
 *     now (the key or session it was created with)
 */
public record SubscriptionOwner(String party, String principal) {

  public SubscriptionOwner {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(principal, "principal");
  }
}
