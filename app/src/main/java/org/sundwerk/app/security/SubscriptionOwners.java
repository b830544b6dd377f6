package org.sundwerk.app.security;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.ApiKeyId;
import org.sundwerk.access.Decision;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.key.KeyActors;
import org.sundwerk.broker.subscription.Matcher;
import org.sundwerk.broker.subscription.SubscriberViews;
import org.sundwerk.broker.subscription.Subscription;
import org.sundwerk.broker.subscription.SubscriptionOwner;

/**
 * Who owns a subscription, and what that owner may see now. A subscription keeps the principal it
 * was created with: the API key ({@code key:<id>}), the account and the partner it acted for
 * ({@code account:<id>} or {@code account:<id> partner:<id>}), or {@code platform} for the
 * bootstrap key. Before each notification the notifier asks {@link #of}: the principal is resolved
 * again (a key afresh from its row, an account with its roles now) and {@link AccessGate} decides a
 * subscribe on the subscription's types; a revoked key, a deleted account or a lost right stops the
 * notifications. Subscriptions made before accounts have no owner and are notified what anonymous
 * readers see. Thread-safe.
 *
 * <p>Cost: nothing for the bootstrap key and for owners who see everything of an open tenant beyond
 * the decision; one key or account read per notification otherwise.
 */
public final class SubscriptionOwners implements SubscriberViews {

  private static final String KEY = "key:";
  private static final String ACCOUNT = "account:";
  private static final String PARTNER = " partner:";
  private static final String PLATFORM = "platform";

  private final AccessGate gate;
  private final KeyActors keys;
  private final Accounts accounts;

  SubscriptionOwners(AccessGate gate, KeyActors keys, Accounts accounts) {
    this.gate = gate;
    this.keys = keys;
    this.accounts = accounts;
  }

  /**
   * The owner of the platform's own subscriptions to {@code local:} endpoints (portal map, alerts):
   * notified everything of the tenant, as the bootstrap key; the feature filters what it shows. Its
   * party is no actor's, so no API client lists them as its own.
   */
  public static SubscriptionOwner platformFeature() {
    return new SubscriptionOwner("platform-feature", PLATFORM);
  }

  /** The owner an actor's new subscription gets; empty for anonymous clients (never subscribe). */
  public static Optional<SubscriptionOwner> ownerOf(Actor actor) {
    return party(actor).map(party -> new SubscriptionOwner(party, principal(actor)));
  }

  /** The party whose subscriptions {@code actor} lists as its own: its account, whichever key. */
  public static Optional<String> party(Actor actor) {
    return switch (actor) {
      case Actor.ApiKey key -> party(key.owner());
      case Actor.PlatformOperator platform ->
          Optional.of(platform.account().map(id -> ACCOUNT + id.value()).orElse(PLATFORM));
      case Actor.TenantOperator operator -> Optional.of(ACCOUNT + operator.account().value());
      case Actor.PartnerMember member -> Optional.of(ACCOUNT + member.account().value());
      case Actor.Resident resident -> Optional.of(ACCOUNT + resident.account().value());
      case Actor.Anonymous anonymous -> Optional.empty();
    };
  }

  private static String principal(Actor actor) {
    return switch (actor) {
      // Only the bootstrap key has no account behind it: it stays valid while configured.
      case Actor.ApiKey key
          when key.owner() instanceof Actor.PlatformOperator platform
              && platform.account().isEmpty() ->
          PLATFORM;
      case Actor.ApiKey key -> KEY + key.key().value();
      case Actor.PartnerMember member ->
          ACCOUNT + member.account().value() + PARTNER + member.partner().value();
      default -> party(actor).orElseThrow();
    };
  }

  /** The actor the owner is in {@code tenant} now; empty if it is gone (revoked, deleted). */
  Optional<Actor> actor(TenantId tenant, Optional<SubscriptionOwner> owner) {
    if (owner.isEmpty()) {
      return Optional.of(new Actor.Anonymous("subscription without owner"));
    }
    String principal = owner.get().principal();
    if (principal.equals(PLATFORM)) {
      return Optional.of(new Actor.PlatformOperator(Optional.empty()));
    }
    if (principal.startsWith(KEY)) {
      return keys.actorForKey(new ApiKeyId(principal.substring(KEY.length())), tenant);
    }
    if (principal.startsWith(ACCOUNT)) {
      String rest = principal.substring(ACCOUNT.length());
      int partner = rest.indexOf(PARTNER);
      AccountId account = new AccountId(partner < 0 ? rest : rest.substring(0, partner));
      Optional<PartnerId> actingFor =
          partner < 0
              ? Optional.empty()
              : Optional.of(new PartnerId(rest.substring(partner + PARTNER.length())));
      return accounts
          .find(account)
          .filter(found -> found.emailVerifiedAt().isPresent())
          .map(found -> found.actorIn(tenant, actingFor));
    }
    return Optional.empty();
  }

  /**
   * Also leaves out entities of types in which the owner may not see an attribute the subscription
   * watches or its {@code q} or {@code geoQ} reads: their notifications would tell when or how a
   * hidden value changed.
   */
  @Override
  public Optional<View> of(String tenant, Matcher matcher) {
    Subscription subscription = matcher.subscription();
    TenantId id = TenantId.of(tenant);
    Optional<Actor> actor = actor(id, subscription.owner());
    if (actor.isEmpty()) {
      return Optional.empty();
    }
    Set<String> types =
        subscription.entities().stream()
            .map(Subscription.EntitySelector::type)
            .collect(Collectors.toSet());
    Decision decision =
        gate.decide(
            actor.get(), new AccessRequest(id, Operation.SUBSCRIBE, Resource.ENTITIES, types));
    if (!(decision instanceof Decision.Allow allow)) {
      return Optional.empty();
    }
    Visible visible = Visible.through(allow.view());
    if (visible.everything()) {
      return Optional.of(View.EVERYTHING);
    }
    Set<String> read = new HashSet<>(subscription.watchedAttributes());
    read.addAll(Visible.read(matcher.q(), matcher.geoQ()));
    return Optional.of(entity -> visible.entity(entity, read));
  }
}
