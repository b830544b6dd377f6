package org.sundwerk.portal.alert;

import java.time.Instant;
import java.util.Optional;
import org.sundwerk.broker.subscription.Subscription;

/**
 * One follow as residents see it, read from its subscription.
 *
 * @param tenant the municipality (NGSILD-Tenant) the subscription lives in
 * @param id the subscription id
 * @param warning what it watches for
 * @param place the followed place's entity id; empty for a warning of a whole municipality
 * @param name the place's name, or the municipality's, when the follow was made
 * @param since when it was made
 */
record Follow(
    String tenant, String id, Warning warning, Optional<String> place, String name, Instant since) {

  /** The follow behind {@code subscription}, if it is one (its endpoint is the alerts receiver). */
  static Optional<Follow> of(String tenant, Subscription subscription) {
    if (!Follows.ENDPOINT.equals(subscription.notification().endpoint().uri())) {
      return Optional.empty();
    }
    var info = subscription.notification().endpoint().receiverInfo();
    Optional<Warning> warning =
        Optional.ofNullable(info.get(Follows.WARNING)).flatMap(Warning::ofKey);
    if (warning.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> place =
        subscription.entities().stream().findFirst().flatMap(Subscription.EntitySelector::id);
    return Optional.of(
        new Follow(
            tenant,
            subscription.id(),
            warning.get(),
            place,
            subscription.name().orElse(place.orElse(tenant)),
            subscription.createdAt()));
  }
}
