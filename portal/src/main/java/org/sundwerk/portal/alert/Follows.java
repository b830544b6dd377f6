package org.sundwerk.portal.alert;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.broker.paging.Paging;
import org.sundwerk.broker.subscription.LocalEndpoints;
import org.sundwerk.broker.subscription.Subscription;
import org.sundwerk.broker.subscription.SubscriptionOperations;
import org.sundwerk.broker.subscription.SubscriptionOwner;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The follows of residents, kept as NGSI-LD subscriptions in the broker (so they live in the
 * database of every node and their notifications go through the outbox): endpoint {@code
 * local:alerts}, owned by the resident's account, with {@code throttling} so that one follow mails
 * at most once an hour (a place without a warning: once a day), and {@code lang} the resident's
 * language. The endpoint's {@code receiverInfo} holds what the mail needs besides: which warning,
 * the random unsubscribe token and the portal address the links point to. Thread-safe.
 */
@Component
final class Follows {

  static final String RECEIVER = "alerts";
  static final URI ENDPOINT = LocalEndpoints.uri(RECEIVER);
  static final String WARNING = "sundwerk-alert";
  static final String TOKEN = "sundwerk-unsubscribe";
  static final String BASE = "sundwerk-portal";

  /** How many follows one resident may have in one municipality. */
  static final int MAX_PER_TENANT = 100;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SubscriptionOperations subscriptions;
  private final ContextResolver contexts;

  Follows(SubscriptionOperations subscriptions, ContextResolver contexts) {
    this.subscriptions = subscriptions;
    this.contexts = contexts;
  }

  /**
   * Follows {@code warning} for the place {@code place} (id and expanded type) or, when empty, for
   * every entity of the warning's type in {@code tenant}; an existing equal follow is kept.
   *
   * @param base the portal's address for the links in the mails, without a trailing slash
   */
  Follow follow(
      String tenant,
      SubscriptionOwner owner,
      Warning warning,
      Optional<Place> place,
      String name,
      Locale language,
      String base) {
    for (Follow existing : of(tenant, owner.party())) {
      if (existing.warning() == warning && existing.place().equals(place.map(Place::id))) {
        return existing;
      }
    }
    if (of(tenant, owner.party()).size() >= MAX_PER_TENANT) {
      throw new IllegalStateException("alert.tooMany");
    }
    Optional<JsonNode> context =
        warning == Warning.CHANGES
            ? Optional.empty()
            : Optional.of(NODES.stringNode(warning.contextUrl()));
    TermDictionary terms = context.map(contexts::resolve).orElseGet(contexts::defaultDictionary);
    ObjectNode body = NODES.objectNode();
    body.put("id", "urn:ngsi-ld:Subscription:alert:" + UUID.randomUUID());
    body.put("type", "Subscription");
    body.put("subscriptionName", name);
    body.put("description", "Sundwerk alert: " + warning.key());
    ObjectNode selector = body.putArray("entities").addObject();
    selector.put("type", place.map(Place::type).orElse(warning.typeTerm()));
    place.ifPresent(p -> selector.put("id", p.id()));
    if (!warning.watched().isEmpty()) {
      warning.watched().forEach(body.putArray("watchedAttributes")::add);
    }
    warning.q().ifPresent(q -> body.put("q", q));
    body.put("throttling", warning.throttling());
    body.put("lang", language.getLanguage());
    ObjectNode notification = body.putObject("notification");
    notification.put("format", "normalized");
    ObjectNode endpoint = notification.putObject("endpoint");
    endpoint.put("uri", ENDPOINT.toString());
    endpoint.put("accept", "application/json");
    var info = endpoint.putArray("receiverInfo");
    info.addObject().put("key", WARNING).put("value", warning.key());
    info.addObject().put("key", TOKEN).put("value", newToken());
    info.addObject().put("key", BASE).put("value", base);
    Subscription created =
        subscriptions.create().platform(tenant, Optional.of(owner), body, terms, context);
    return Follow.of(tenant, created).orElseThrow();
  }

  /** The follows of {@code party} in {@code tenant}, oldest first. */
  List<Follow> of(String tenant, String party) {
    List<Follow> follows = new ArrayList<>();
    int offset = 0;
    while (true) {
      Page<Subscription> page =
          subscriptions.query().handle(tenant, Optional.of(party), new Paging(100, offset, false));
      page.items().forEach(s -> Follow.of(tenant, s).ifPresent(follows::add));
      if (page.items().size() < 100) {
        return follows;
      }
      offset += 100;
    }
  }

  /** The follow's subscription, if {@code id} is one in {@code tenant}. */
  Optional<Subscription> find(String tenant, String id) {
    try {
      Subscription s = subscriptions.retrieve().handle(tenant, id);
      return Follow.of(tenant, s).isPresent() ? Optional.of(s) : Optional.empty();
    } catch (NgsiLdException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The follow {@code id} if {@code token} is its unsubscribe token (compared in constant time).
   */
  Optional<Follow> byToken(String tenant, String id, String token) {
    return find(tenant, id)
        .filter(
            s ->
                MessageDigest.isEqual(
                    s.notification()
                        .endpoint()
                        .receiverInfo()
                        .getOrDefault(TOKEN, "")
                        .getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8)))
        .filter(s -> !token.isEmpty())
        .flatMap(s -> Follow.of(tenant, s));
  }

  /** Ends the follow {@code id} of {@code party}; false if it is not theirs or already gone. */
  boolean remove(String tenant, String id, String party) {
    Optional<Subscription> found =
        find(tenant, id)
            .filter(s -> s.owner().map(SubscriptionOwner::party).equals(Optional.of(party)));
    return found.isPresent() && delete(tenant, id);
  }

  /** Ends the follow {@code id}; false if it was gone already. */
  boolean delete(String tenant, String id) {
    try {
      subscriptions.delete().handle(tenant, id);
      return true;
    } catch (NgsiLdException e) {
      return false;
    }
  }

  /**
   * Ends the follows in {@code tenant} whose recipient is gone (a deleted account): GDPR erasure
   * also of what one followed, and no outbox rows for notifications that would only be refused.
   * Reads every subscription of the tenant: called when an account is deleted, which is rare.
   *
   * @param gone whether a follow's owner no longer has an account to mail
   * @return how many were ended
   */
  int removeOrphans(String tenant, java.util.function.Predicate<SubscriptionOwner> gone) {
    List<String> orphans = new ArrayList<>();
    int offset = 0;
    while (true) {
      Page<Subscription> page =
          subscriptions.query().handle(tenant, new Paging(100, offset, false));
      for (Subscription s : page.items()) {
        if (Follow.of(tenant, s).isPresent() && s.owner().map(gone::test).orElse(true)) {
          orphans.add(s.id());
        }
      }
      if (page.items().size() < 100) {
        break;
      }
      offset += 100;
    }
    return (int) orphans.stream().filter(id -> delete(tenant, id)).count();
  }

  /** 32 random bytes: the secret of one follow's unsubscribe link. */
  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * A followed place.
   *
   * @param id its entity id
   * @param type its expanded entity type
   */
  record Place(String id, String type) {}
}
