package org.sundwerk.app.business;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.app.security.AccessGate;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.offer.Order;
import org.sundwerk.business.offer.OrderId;
import org.sundwerk.business.offer.Ordering;
import org.sundwerk.business.offer.Orders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Orders under {@code /api/v1/{tenant}/orders}: one's own; with {@code partner}, the orders of that
 * partner's offers (its members, operators); with {@code all=true}, every order (operators).
 * Consumers cancel their own orders, providers the orders of their offers.
 */
@RestController
@RequestMapping(path = "/api/v1/{tenant}/orders", produces = MediaType.APPLICATION_JSON_VALUE)
final class OrdersController {

  private final AccessGate gate;
  private final Offers offers;
  private final Orders orders;
  private final Ordering ordering;

  OrdersController(AccessGate gate, Offers offers, Orders orders, Ordering ordering) {
    this.gate = gate;
    this.offers = offers;
    this.orders = orders;
    this.ordering = ordering;
  }

  @GetMapping
  JsonNode list(
      HttpServletRequest http,
      @PathVariable String tenant,
      @RequestParam Optional<String> partner,
      @RequestParam(defaultValue = "false") boolean all) {
    TenantId id = TenantId.of(tenant);
    List<Order> found;
    if (all) {
      gate.require(http, AccessRequest.of(id, Operation.ADMIN, Resource.SERVICES));
      found = orders.all(id);
    } else if (partner.isPresent()) {
      PartnerId provider = new PartnerId(partner.get());
      gate.require(http, AccessRequest.ofPartner(id, Operation.READ, provider));
      found = orders.ofProvider(id, provider);
    } else {
      found = orders.ofConsumer(id, signedIn(http, id));
    }
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    found.forEach(order -> json.add(OfferJson.order(order)));
    return json;
  }

  /**
   * Cancels an order: a subscription at the end of a period after its notice, any other order at
   * once, revoking its data product key.
   */
  @PostMapping("/{order}/cancel")
  JsonNode cancel(
      HttpServletRequest http, @PathVariable String tenant, @PathVariable String order) {
    TenantId id = TenantId.of(tenant);
    OrderId orderId = new OrderId(order);
    Order found =
        orders.find(id, orderId).orElseThrow(() -> BusinessProblem.notFound("no order " + order));
    Optional<AccountId> caller = OfferActors.account(gate.actor(http, id));
    if (caller.equals(Optional.of(found.consumer()))) {
      gate.require(http, AccessRequest.of(id, Operation.WRITE, Resource.SERVICES));
    } else {
      PartnerId provider = offers.get(id, found.offer()).provider();
      gate.require(http, AccessRequest.ofPartner(id, Operation.WRITE, provider));
    }
    return OfferJson.order(ordering.cancel(id, orderId));
  }

  /** The signed-in account, after the gate let a signed-in actor through. */
  private AccountId signedIn(HttpServletRequest http, TenantId tenant) {
    gate.require(http, AccessRequest.of(tenant, Operation.WRITE, Resource.SERVICES));
    return OfferActors.account(gate.actor(http, tenant))
        .orElseThrow(() -> new IllegalArgumentException("orders belong to accounts"));
  }
}
