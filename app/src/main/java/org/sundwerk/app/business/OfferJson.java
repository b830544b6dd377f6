package org.sundwerk.app.business;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.access.ApiKeyId;
import org.sundwerk.access.PartnerId;
import org.sundwerk.business.Money;
import org.sundwerk.business.Text;
import org.sundwerk.business.VatRate;
import org.sundwerk.business.offer.BusinessModel;
import org.sundwerk.business.offer.DataProduct;
import org.sundwerk.business.offer.Offer;
import org.sundwerk.business.offer.OfferDraft;
import org.sundwerk.business.offer.Order;
import org.sundwerk.business.offer.Ordering;
import org.sundwerk.business.offer.Price;
import org.sundwerk.business.offer.Tier;
import org.sundwerk.business.offer.Tiers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Offers and orders as JSON, both ways. Amounts are decimal strings in EUR net ({@code "9.90"},
 * unit prices with four decimals), so no client rounds them through a double; dates ISO, times ISO
 * instants. A missing or malformed member is an {@link IllegalArgumentException}: 400.
 */
public final class OfferJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OfferJson() {}

  static ObjectNode offer(Offer offer) {
    ObjectNode json = NODES.objectNode();
    json.put("id", offer.id().value());
    json.put("service", offer.serviceRef());
    json.put("provider", offer.provider().value());
    json.set("name", text(offer.name()));
    ObjectNode terms = text(offer.terms().markdown());
    terms.put("version", offer.terms().version());
    json.set("terms", terms);
    json.set("price", price(offer.price()));
    offer
        .dataProduct()
        .ifPresent(
            product -> {
              ObjectNode data = json.putObject("dataProduct");
              ArrayNode types = data.putArray("entityTypes");
              product.entityTypes().stream().sorted().forEach(types::add);
              data.put("requestsPerMinute", product.requestsPerMinute());
            });
    json.put("status", offer.status().name());
    return json;
  }

  static ObjectNode price(Price price) {
    ObjectNode json = NODES.objectNode();
    json.put("version", price.version());
    json.set("model", model(price.model()));
    json.put("vat", price.vat().name());
    json.put("vatPercent", price.vat().percent().toPlainString());
    json.put("validFrom", price.validFrom().toString());
    price.validUntil().ifPresent(until -> json.put("validUntil", until.toString()));
    return json;
  }

  static ObjectNode model(BusinessModel model) {
    ObjectNode json = NODES.objectNode();
    switch (model) {
      case BusinessModel.Free free -> json.put("kind", "free");
      case BusinessModel.Subscription s -> {
        json.put("kind", "subscription");
        json.put("period", s.period().name());
        json.put("price", s.price().amount().toPlainString());
        json.put("noticeDays", s.noticeDays());
        json.put("minimumTermMonths", s.minimumTermMonths());
      }
      case BusinessModel.Metered m -> {
        json.put("kind", "metered");
        json.put("unit", m.unit().name());
        json.set("tiers", tiers(m.tiers()));
      }
      case BusinessModel.Freemium f -> {
        json.put("kind", "freemium");
        json.put("unit", f.unit().name());
        json.put("includedPerMonth", f.includedPerMonth());
        f.beyond().ifPresent(tiers -> json.set("tiers", tiers(tiers)));
      }
      case BusinessModel.Sponsored s -> {
        json.put("kind", "sponsored");
        json.put("sponsor", s.sponsor().value());
        json.put("pricePerMonth", s.pricePerMonth().amount().toPlainString());
      }
      case BusinessModel.PublicService p -> {
        json.put("kind", "public-service");
        json.put("payer", p.payer().value());
        json.put("pricePerMonth", p.pricePerMonth().amount().toPlainString());
      }
    }
    return json;
  }

  private static ArrayNode tiers(Tiers tiers) {
    ArrayNode json = NODES.arrayNode();
    for (Tier tier : tiers.tiers()) {
      json.addObject().put("from", tier.from()).put("unitPrice", tier.unitPrice().toPlainString());
    }
    return json;
  }

  static ObjectNode order(Order order) {
    ObjectNode json = NODES.objectNode();
    json.put("id", order.id().value());
    json.put("offer", order.offer().value());
    json.put("priceVersion", order.priceVersion());
    json.put("consumer", order.consumer().value());
    order.actingFor().ifPresent(partner -> json.put("actingFor", partner.value()));
    json.putObject("consent")
        .put("termsVersion", order.consent().termsVersion())
        .put("at", order.consent().at().toString());
    json.put("start", order.start().toString());
    json.put("periodEnd", order.periodEnd().toString());
    order
        .cancellation()
        .ifPresent(
            c ->
                json.putObject("cancellation")
                    .put("requestedAt", c.requestedAt().toString())
                    .put("effectiveAt", c.effectiveAt().toString()));
    json.put("status", order.status().name());
    order.key().map(ApiKeyId::value).ifPresent(key -> json.put("keyId", key));
    return json;
  }

  /** The order and, once, the secret of its data product key. */
  static ObjectNode placed(Ordering.Placed placed) {
    ObjectNode json = order(placed.order());
    placed.key().ifPresent(key -> json.put("apiKey", key.key()));
    return json;
  }

  /**
   * An offer as its provider writes it: {@code service}, {@code name} and {@code terms} ({@code
   * de}, optional {@code en}), {@code model}, {@code vat} (STANDARD, REDUCED, ZERO, EXEMPT), {@code
   * validFrom} (default {@code today}), optional {@code validUntil} and {@code dataProduct}.
   */
  public static OfferDraft draft(JsonNode body, LocalDate today) {
    return new OfferDraft(
        required(body, "service"),
        text(body.path("name"), "name"),
        text(body.path("terms"), "terms"),
        model(body.path("model")),
        vat(required(body, "vat")),
        optional(body, "validFrom").map(LocalDate::parse).orElse(today),
        optional(body, "validUntil").map(LocalDate::parse),
        body.path("dataProduct").isObject()
            ? Optional.of(dataProduct(body.path("dataProduct")))
            : Optional.empty());
  }

  static BusinessModel model(JsonNode json) {
    String kind = required(json, "kind");
    return switch (kind) {
      case "free" -> new BusinessModel.Free();
      case "subscription" ->
          new BusinessModel.Subscription(
              BusinessModel.Period.valueOf(required(json, "period")),
              Money.of(decimal(json, "price")),
              json.path("noticeDays").asInt(0),
              json.path("minimumTermMonths").asInt(0));
      case "metered" ->
          new BusinessModel.Metered(
              BusinessModel.Unit.valueOf(required(json, "unit")), tiers(json.path("tiers")));
      case "freemium" ->
          new BusinessModel.Freemium(
              BusinessModel.Unit.valueOf(required(json, "unit")),
              json.path("includedPerMonth").asLong(0),
              json.path("tiers").isArray()
                  ? Optional.of(tiers(json.path("tiers")))
                  : Optional.empty());
      case "sponsored" ->
          new BusinessModel.Sponsored(
              new PartnerId(required(json, "sponsor")), Money.of(decimal(json, "pricePerMonth")));
      case "public-service" ->
          new BusinessModel.PublicService(
              new PartnerId(required(json, "payer")), Money.of(decimal(json, "pricePerMonth")));
      default ->
          throw new IllegalArgumentException(
              "model.kind is one of free, subscription, metered, freemium, sponsored,"
                  + " public-service: "
                  + kind);
    };
  }

  private static Tiers tiers(JsonNode json) {
    if (!json.isArray()) {
      throw new IllegalArgumentException("model.tiers is a list of {from, unitPrice}");
    }
    List<Tier> tiers = new ArrayList<>();
    json.forEach(
        tier -> tiers.add(new Tier(tier.path("from").asLong(0), decimal(tier, "unitPrice"))));
    return new Tiers(tiers);
  }

  private static DataProduct dataProduct(JsonNode json) {
    Set<String> types = new LinkedHashSet<>();
    json.path("entityTypes").forEach(type -> types.add(type.asString()));
    return new DataProduct(types, json.path("requestsPerMinute").asInt(60));
  }

  private static VatRate vat(String name) {
    try {
      return VatRate.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("vat is one of STANDARD, REDUCED, ZERO, EXEMPT: " + name);
    }
  }

  private static ObjectNode text(Text text) {
    ObjectNode json = NODES.objectNode();
    json.put("de", text.de());
    text.en().ifPresent(en -> json.put("en", en));
    return json;
  }

  private static Text text(JsonNode json, String member) {
    return Text.of(required(json, "de", member + ".de"), optional(json, "en").orElse(null));
  }

  private static BigDecimal decimal(JsonNode json, String member) {
    String value = required(json, member);
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(member + " is a decimal number: " + value);
    }
  }

  public static String required(JsonNode json, String member) {
    return required(json, member, member);
  }

  private static String required(JsonNode json, String member, String name) {
    return optional(json, member)
        .orElseThrow(() -> new IllegalArgumentException("missing " + name));
  }

  private static Optional<String> optional(JsonNode json, String member) {
    JsonNode value = json.path(member);
    return value.isValueNode() && !value.asString().isBlank()
        ? Optional.of(value.asString())
        : Optional.empty();
  }
}
