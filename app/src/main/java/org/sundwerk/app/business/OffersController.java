package org.sundwerk.app.business;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.app.security.AccessGate;
import org.sundwerk.business.offer.Offer;
import org.sundwerk.business.offer.OfferId;
import org.sundwerk.business.offer.OfferStatus;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.offer.Ordering;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Offers under {@code /api/v1/{tenant}/offers}: published offers are public; drafts, edits,
 * publishing and withdrawing belong to the members of the providing partner (and operators); any
 * signed-in actor orders ({@code POST .../offers/{id}/orders}).
 */
@RestController
@RequestMapping(path = "/api/v1/{tenant}/offers", produces = MediaType.APPLICATION_JSON_VALUE)
final class OffersController {

  private final AccessGate gate;
  private final Offers offers;
  private final Ordering ordering;
  private final Clock clock;

  OffersController(AccessGate gate, Offers offers, Ordering ordering, Clock clock) {
    this.gate = gate;
    this.offers = offers;
    this.ordering = ordering;
    this.clock = clock;
  }

  /**
   * The published offers, of one catalog service with {@code service}; with {@code partner}, every
   * offer of that partner (drafts and withdrawn ones too), for its members and operators.
   */
  @GetMapping
  JsonNode list(
      HttpServletRequest http,
      @PathVariable String tenant,
      @RequestParam Optional<String> service,
      @RequestParam Optional<String> partner) {
    TenantId id = TenantId.of(tenant);
    Offers.Filter filter;
    if (partner.isPresent()) {
      PartnerId provider = new PartnerId(partner.get());
      gate.require(http, AccessRequest.ofPartner(id, Operation.READ, provider));
      filter = Offers.Filter.ofProvider(provider);
    } else {
      gate.require(http, AccessRequest.of(id, Operation.READ, Resource.SERVICES));
      filter = Offers.Filter.published();
    }
    if (service.isPresent()) {
      filter = filter.ofService(service.get());
    }
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    offers.list(id, filter).forEach(offer -> json.add(OfferJson.offer(offer)));
    return json;
  }

  /** One offer: public unless it is a draft, which only its provider's members see. */
  @GetMapping("/{offer}")
  JsonNode get(HttpServletRequest http, @PathVariable String tenant, @PathVariable String offer) {
    TenantId id = TenantId.of(tenant);
    Offer found = offers.get(id, new OfferId(offer));
    gate.require(
        http,
        found.status() == OfferStatus.DRAFT
            ? AccessRequest.ofPartner(id, Operation.READ, found.provider())
            : AccessRequest.of(id, Operation.READ, Resource.SERVICES));
    return OfferJson.offer(found);
  }

  /**
   * Creates a draft offer of {@code provider} (see {@link OfferJson#draft} for the body); an {@code
   * id} slug is optional.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> create(
      HttpServletRequest http, @PathVariable String tenant, @RequestBody JsonNode body) {
    TenantId id = TenantId.of(tenant);
    PartnerId provider = new PartnerId(OfferJson.required(body, "provider"));
    gate.require(http, AccessRequest.ofPartner(id, Operation.WRITE, provider));
    OfferId offerId =
        body.path("id").isString() ? new OfferId(body.path("id").asString()) : OfferId.random();
    Offer offer = offers.create(id, offerId, provider, OfferJson.draft(body, today()));
    return ResponseEntity.created(URI.create("/api/v1/" + tenant + "/offers/" + offer.id().value()))
        .body(OfferJson.offer(offer));
  }

  /** Edits an offer; new terms or a new price become new versions, sold ones stay as they were. */
  @PutMapping(path = "/{offer}", consumes = MediaType.APPLICATION_JSON_VALUE)
  JsonNode revise(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String offer,
      @RequestBody JsonNode body) {
    TenantId id = TenantId.of(tenant);
    OfferId offerId = providerWrites(http, id, offer);
    return OfferJson.offer(offers.revise(id, offerId, OfferJson.draft(body, today())));
  }

  @PostMapping("/{offer}/publish")
  JsonNode publish(
      HttpServletRequest http, @PathVariable String tenant, @PathVariable String offer) {
    TenantId id = TenantId.of(tenant);
    return OfferJson.offer(offers.publish(id, providerWrites(http, id, offer)));
  }

  @PostMapping("/{offer}/withdraw")
  JsonNode withdraw(
      HttpServletRequest http, @PathVariable String tenant, @PathVariable String offer) {
    TenantId id = TenantId.of(tenant);
    return OfferJson.offer(offers.withdraw(id, providerWrites(http, id, offer)));
  }

  /**
   * Orders the offer for the signed-in account (acting for its partner when it is a member): {@code
   * {"acceptTerms": <current terms version>}}. Answers 201 with the order and, for a data product,
   * its API key in {@code apiKey}: shown this once.
   */
  @PostMapping(path = "/{offer}/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> order(
      HttpServletRequest http,
      @PathVariable String tenant,
      @PathVariable String offer,
      @RequestBody JsonNode body) {
    TenantId id = TenantId.of(tenant);
    gate.require(http, AccessRequest.of(id, Operation.WRITE, Resource.SERVICES));
    var actor = gate.actor(http, id);
    if (!body.path("acceptTerms").canConvertToInt()) {
      throw new IllegalArgumentException("acceptTerms names the terms version you accept");
    }
    Ordering.Placed placed =
        ordering.place(
            id,
            new OfferId(offer),
            OfferActors.account(actor)
                .orElseThrow(() -> new IllegalArgumentException("an order needs an account")),
            OfferActors.actingFor(actor),
            body.path("acceptTerms").asInt());
    return ResponseEntity.created(
            URI.create("/api/v1/" + tenant + "/orders/" + placed.order().id().value()))
        .header("Cache-Control", "no-store")
        .body(OfferJson.placed(placed));
  }

  private OfferId providerWrites(HttpServletRequest http, TenantId tenant, String offer) {
    Offer found = offers.get(tenant, new OfferId(offer));
    gate.require(http, AccessRequest.ofPartner(tenant, Operation.WRITE, found.provider()));
    return found.id();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), Ordering.ZONE);
  }
}
