package org.sundwerk.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.access.Operation;
import org.sundwerk.app.security.SubscriptionOwners;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.broker.paging.Paging;
import org.sundwerk.broker.subscription.LocalEndpoints;
import org.sundwerk.broker.subscription.Subscription;
import org.sundwerk.broker.subscription.SubscriptionJson;
import org.sundwerk.broker.subscription.SubscriptionOperations;
import org.sundwerk.broker.subscription.SubscriptionOwner;
import org.sundwerk.ngsild.codec.Names;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.CoreContexts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Subscriptions (clause 5.8, 6.10, 6.11): {@code /ngsi-ld/v1/subscriptions}. Each subscription
 * belongs to the account (or bootstrap key) that created it: others are answered 404 as if it did
 * not exist, and the list shows the caller's own. Operators of the tenant see, change and delete
 * every subscription of it, with the values of others' {@code receiverInfo} and {@code
 * notifierInfo} (their credentials) masked. The platform's own subscriptions to {@code local:}
 * endpoints cannot be created here (BadRequestData) and are answered 404 to everyone.
 */
@RestController
@RequestMapping("/ngsi-ld/v1/subscriptions")
final class SubscriptionsController {

  private static final String MASK = "********";

  private final SubscriptionOperations ops;
  private final Api api;
  private final ObjectMapper json;
  private final Clock clock;

  SubscriptionsController(SubscriptionOperations ops, Api api, ObjectMapper json, Clock clock) {
    this.ops = ops;
    this.api = api;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping
  ResponseEntity<Void> create(HttpServletRequest http, @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    api.allow(http, request, Operation.SUBSCRIBE, () -> types(request));
    Subscription created =
        ops.create()
            .handle(
                request.tenant(),
                SubscriptionOwners.ownerOf(api.actor(http, request)),
                request.requireBody(),
                request.terms(),
                request.context());
    return ResponseEntity.created(
            URI.create("/ngsi-ld/v1/subscriptions/" + EntitiesController.encode(created.id())))
        .build();
  }

  @GetMapping
  ResponseEntity<byte[]> query(
      HttpServletRequest http,
      @RequestParam Map<String, String> params,
      @RequestHeader(value = "Accept", required = false) String accept) {
    MediaType type = MediaTypes.negotiate(accept, false);
    NgsiLdRequest request = api.request(http);
    api.allow(http, request, Operation.SUBSCRIBE, Set::of);
    Paging paging = QueryParameters.paging(params, api.defaultPageSize());
    Optional<String> party = SubscriptionOwners.party(api.actor(http, request));
    boolean operator = api.operates(http, request);
    Page<Subscription> page =
        ops.query().handle(request.tenant(), operator ? Optional.empty() : party, paging);
    Instant now = clock.instant();
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Subscription subscription : page.items()) {
      if (LocalEndpoints.nameOf(subscription.notification().endpoint().uri()).isPresent()) {
        continue; // the platform's own (see visible); a page may then hold fewer than its limit
      }
      ObjectNode item =
          shown(subscription, SubscriptionJson.write(subscription, request.terms(), now), party);
      if (type.equals(MediaTypes.JSON_LD)) {
        ObjectNode withContext = JsonNodeFactory.instance.objectNode();
        withContext.set(
            "@context",
            request
                .context()
                .orElseGet(() -> JsonNodeFactory.instance.stringNode(CoreContexts.DEFAULT_URL)));
        withContext.setAll(item);
        item = withContext;
      }
      array.add(item);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    if (!type.equals(MediaTypes.JSON_LD)) {
      String context =
          request.context().filter(c -> c.isString()).map(c -> c.asString()).orElse(null);
      if (context != null || request.context().isEmpty()) {
        headers.add(
            HttpHeaders.LINK,
            "<"
                + (context == null ? CoreContexts.DEFAULT_URL : context)
                + ">; rel=\""
                + NgsiLdRequest.LINK_REL
                + "\"; type=\"application/ld+json\"");
      }
    }
    page.count().ifPresent(n -> headers.add("NGSILD-Results-Count", Long.toString(n)));
    if (!request.tenant().isEmpty()) {
      headers.add("NGSILD-Tenant", request.tenant());
    }
    return PageLinks.add(
        new ResponseEntity<>(json.writeValueAsBytes(array), headers, HttpStatus.OK),
        http,
        paging,
        page);
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> retrieve(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestHeader(value = "Accept", required = false) String accept) {
    MediaType type = MediaTypes.negotiate(accept, false);
    NgsiLdRequest request = api.request(http);
    api.allow(http, request, Operation.SUBSCRIBE, Set::of);
    Subscription subscription = visible(http, request, id);
    return api.responses()
        .json(
            HttpStatus.OK,
            shown(
                subscription,
                SubscriptionJson.write(subscription, request.terms(), clock.instant()),
                SubscriptionOwners.party(api.actor(http, request))),
            request,
            type);
  }

  @PatchMapping("/{id}")
  ResponseEntity<Void> update(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    api.allow(http, request, Operation.SUBSCRIBE, () -> types(request));
    visible(http, request, id);
    ops.update()
        .handle(
            request.tenant(),
            Names.requireEntityId(id),
            request.requireBody(),
            request.terms(),
            request.context());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(HttpServletRequest http, @PathVariable String id) {
    NgsiLdRequest request = api.request(http);
    api.allow(http, request, Operation.SUBSCRIBE, Set::of);
    visible(http, request, id);
    ops.delete().handle(request.tenant(), Names.requireEntityId(id));
    return ResponseEntity.noContent().build();
  }

  /**
   * The subscription if the caller owns it or operates the tenant; else 404, the answer for a
   * subscription that does not exist, so ids of others' subscriptions cannot be probed.
   */
  private Subscription visible(HttpServletRequest http, NgsiLdRequest request, String id) {
    Subscription subscription = ops.retrieve().handle(request.tenant(), Names.requireEntityId(id));
    if (LocalEndpoints.nameOf(subscription.notification().endpoint().uri()).isPresent()) {
      // The platform's own subscriptions (portal map, alerts) are no client's to read or change.
      throw NgsiLdException.notFound("Subscription " + id + " does not exist");
    }
    Optional<String> party = SubscriptionOwners.party(api.actor(http, request));
    boolean own =
        party.isPresent() && subscription.owner().map(SubscriptionOwner::party).equals(party);
    if (!own && !api.operates(http, request)) {
      throw NgsiLdException.notFound("Subscription " + id + " does not exist");
    }
    return subscription;
  }

  /** The API form, with the receiver and notifier settings of others' subscriptions masked. */
  private static ObjectNode shown(
      Subscription subscription, ObjectNode written, Optional<String> party) {
    boolean own =
        party.isPresent() && subscription.owner().map(SubscriptionOwner::party).equals(party);
    if (!own && written.path("notification").path("endpoint") instanceof ObjectNode endpoint) {
      for (String member : List.of("receiverInfo", "notifierInfo")) {
        for (JsonNode entry : endpoint.path(member)) {
          if (entry instanceof ObjectNode pair && pair.has("value")) {
            pair.put("value", MASK);
          }
        }
      }
      URI uri = URI.create(endpoint.path("uri").asString());
      if (uri.getRawUserInfo() != null) {
        endpoint.put("uri", uri.toString().replace(uri.getRawUserInfo() + "@", MASK + "@"));
      }
    }
    return written;
  }

  /**
   * The entity types a subscription body names: a subscriber must be cleared for each (its
   * notifications then carry only the attributes it may see).
   */
  private static Set<String> types(NgsiLdRequest request) {
    Set<String> types = new HashSet<>();
    for (JsonNode selector : request.requireBody().path("entities")) {
      if (selector.path("type").isString()) {
        types.add(request.terms().expand(selector.path("type").asString()));
      }
    }
    return types;
  }
}
