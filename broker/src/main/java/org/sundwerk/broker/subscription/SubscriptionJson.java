package org.sundwerk.broker.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sundwerk.ngsild.codec.Names;
import org.sundwerk.ngsild.codec.Times;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.query.GeoQueryParser;
import org.sundwerk.ngsild.query.QueryParser;
import org.sundwerk.ngsild.query.Regex;
import org.sundwerk.ngsild.query.ScopeQueryParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a Subscription payload (clause 5.2.12) into a validated {@link Subscription}, expanding
 * names with the request's terms, and writes one back compacted. The stored form is the payload
 * written with {@link TermDictionary#IDENTITY} plus the context and system times.
 */
public final class SubscriptionJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> FORMATS = Set.of("normalized", "keyValues", "concise");
  private static final Set<String> ACCEPTS = Set.of("application/json", "application/ld+json");
  private static final Set<String> SCHEMES = Set.of("http", "https", "mqtt", "mqtts");

  private SubscriptionJson() {}

  /**
   * Reads a new subscription.
   *
   * @param context the request's @context; {@code jsonldContext} in the body wins over it
   * @throws NgsiLdException BadRequestData for any invalid member
   */
  public static Subscription read(
      JsonNode body, TermDictionary terms, Optional<JsonNode> context, Instant now) {
    return read(body, terms, context, now, false);
  }

  /**
   * As {@link #read(JsonNode, TermDictionary, Optional, Instant)}, also accepting {@code
   * local:<name>} endpoints when {@code platform} is set: only the platform's own code ({@link
   * CreateSubscription#platform}) and the stored form may name them, never an API client.
   */
  static Subscription read(
      JsonNode body,
      TermDictionary terms,
      Optional<JsonNode> context,
      Instant now,
      boolean platform) {
    if (!body.isObject()) {
      throw NgsiLdException.badRequestData("A Subscription must be a JSON object");
    }
    String type = text(body, "type").orElse("Subscription");
    if (!type.equals("Subscription")) {
      throw NgsiLdException.badRequestData("The type of a Subscription must be 'Subscription'");
    }
    String id =
        text(body, "id")
            .map(
                given -> {
                  if (!Names.isUri(given)) {
                    throw NgsiLdException.badRequestData("Subscription id is not a URI: " + given);
                  }
                  return given;
                })
            .orElseGet(() -> "urn:ngsi-ld:Subscription:" + UUID.randomUUID());
    List<Subscription.EntitySelector> entities = entities(body.get("entities"), terms);
    List<String> watched = names(body.get("watchedAttributes"), "watchedAttributes", terms);
    if (body.has("watchedAttributes") && watched.isEmpty()) {
      throw NgsiLdException.badRequestData("watchedAttributes must not be empty");
    }
    Optional<Integer> timeInterval = positive(body, "timeInterval");
    Optional<Integer> throttling = positive(body, "throttling");
    if (entities.isEmpty() && watched.isEmpty()) {
      throw NgsiLdException.badRequestData("A Subscription needs entities or watchedAttributes");
    }
    if (timeInterval.isPresent() && !watched.isEmpty()) {
      throw NgsiLdException.badRequestData(
          "timeInterval and watchedAttributes cannot both be given");
    }
    if (timeInterval.isPresent() && throttling.isPresent()) {
      throw NgsiLdException.badRequestData("timeInterval and throttling cannot both be given");
    }
    Optional<String> q = text(body, "q");
    q.ifPresent(expression -> QueryParser.parse(expression, terms));
    Optional<JsonNode> geoQ = Optional.ofNullable(body.get("geoQ")).filter(g -> !g.isNull());
    geoQ.ifPresent(geo -> GeoQueryParser.parse(geo, terms));
    Optional<String> scopeQ = text(body, "scopeQ");
    scopeQ.ifPresent(ScopeQueryParser::parse);
    Optional<JsonNode> notificationContext =
        text(body, "jsonldContext")
            .map(
                url -> {
                  requireUri(url, "jsonldContext");
                  return (JsonNode) NODES.stringNode(url);
                })
            .or(() -> context);
    boolean active = bool(body, "isActive", true);
    return new Subscription(
        id,
        text(body, "subscriptionName"),
        text(body, "description"),
        entities,
        watched,
        triggers(body.get("notificationTrigger")),
        q,
        geoQ,
        scopeQ,
        timeInterval,
        throttling,
        text(body, "expiresAt").map(t -> time(t, "expiresAt")),
        active,
        text(body, "lang"),
        notificationContext,
        notification(body.get("notification"), terms, platform),
        time(body, "createdAt").orElse(now),
        time(body, "modifiedAt").orElse(now),
        DeliveryStatus.NONE,
        Optional.empty());
  }

  /**
   * Applies a subscription fragment (clause 5.8.2): its members replace those of {@code current};
   * {@code notification} members are merged one level deep. Id, creation time and status stay.
   */
  public static Subscription merge(
      Subscription current,
      JsonNode fragment,
      TermDictionary terms,
      Optional<JsonNode> context,
      Instant now) {
    if (!fragment.isObject()) {
      throw NgsiLdException.badRequestData("A Subscription fragment must be a JSON object");
    }
    if (fragment.has("id") && !text(fragment, "id").orElse("").equals(current.id())) {
      throw NgsiLdException.badRequestData("The id of a subscription cannot be changed");
    }
    ObjectNode merged = write(current, terms, now);
    merged.remove(List.of("status", "createdAt", "modifiedAt"));
    ((ObjectNode) merged.get("notification"))
        .remove(
            List.of(
                "status",
                "timesSent",
                "timesFailed",
                "lastNotification",
                "lastSuccess",
                "lastFailure"));
    for (Map.Entry<String, JsonNode> member : fragment.properties()) {
      if (member.getKey().equals("notification") && member.getValue().isObject()) {
        ((ObjectNode) merged.get("notification")).setAll((ObjectNode) member.getValue());
      } else if (member.getValue().isNull()) {
        merged.remove(member.getKey());
      } else {
        merged.set(member.getKey(), member.getValue());
      }
    }
    Optional<JsonNode> newContext = context.or(current::context);
    if (!fragment.has("jsonldContext")) {
      merged.remove("jsonldContext");
    }
    Subscription read = read(merged, terms, newContext, now);
    return new Subscription(
        current.id(),
        read.name(),
        read.description(),
        read.entities(),
        read.watchedAttributes(),
        read.triggers(),
        read.q(),
        read.geoQ(),
        read.scopeQ(),
        read.timeInterval(),
        read.throttling(),
        read.expiresAt(),
        read.active(),
        read.lang(),
        read.context(),
        read.notification(),
        current.createdAt(),
        now,
        current.status(),
        current.owner());
  }

  /** The API form, names compacted with {@code terms}, status as of {@code now}. */
  public static ObjectNode write(Subscription s, TermDictionary terms, Instant now) {
    ObjectNode out = NODES.objectNode();
    out.put("id", s.id());
    out.put("type", "Subscription");
    s.name().ifPresent(n -> out.put("subscriptionName", n));
    s.description().ifPresent(d -> out.put("description", d));
    if (!s.entities().isEmpty()) {
      ArrayNode entities = out.putArray("entities");
      for (Subscription.EntitySelector selector : s.entities()) {
        ObjectNode item = entities.addObject();
        selector.id().ifPresent(id -> item.put("id", id));
        selector.idPattern().ifPresent(p -> item.put("idPattern", p));
        item.put("type", terms.compact(selector.type()));
      }
    }
    if (!s.watchedAttributes().isEmpty()) {
      ArrayNode watched = out.putArray("watchedAttributes");
      s.watchedAttributes().forEach(a -> watched.add(terms.compact(a)));
    }
    ArrayNode triggers = out.putArray("notificationTrigger");
    for (Trigger trigger : Trigger.values()) {
      if (s.triggers().contains(trigger)) {
        triggers.add(trigger.apiName());
      }
    }
    s.q().ifPresent(q -> out.put("q", q));
    s.geoQ().ifPresent(g -> out.set("geoQ", g));
    s.scopeQ().ifPresent(q -> out.put("scopeQ", q));
    s.timeInterval().ifPresent(t -> out.put("timeInterval", t));
    s.throttling().ifPresent(t -> out.put("throttling", t));
    s.expiresAt().ifPresent(t -> out.put("expiresAt", Times.format(t)));
    out.put("isActive", s.active());
    out.put("status", s.statusAt(now));
    s.lang().ifPresent(l -> out.put("lang", l));
    s.context().filter(JsonNode::isString).ifPresent(c -> out.put("jsonldContext", c.asString()));
    out.set("notification", notification(s.notification(), s.status(), terms));
    out.put("createdAt", Times.format(s.createdAt()));
    out.put("modifiedAt", Times.format(s.modifiedAt()));
    return out;
  }

  /** The stored form: expanded names, the context under {@code @context}, no status. */
  public static ObjectNode stored(Subscription s) {
    ObjectNode out = write(s, TermDictionary.IDENTITY, s.createdAt());
    out.remove(List.of("status", "jsonldContext"));
    ObjectNode notification = (ObjectNode) out.get("notification");
    notification.remove(
        List.of(
            "status",
            "timesSent",
            "timesFailed",
            "lastNotification",
            "lastSuccess",
            "lastFailure"));
    s.context().ifPresent(c -> out.set("@context", c));
    return out;
  }

  /** Reads the {@link #stored} form back. */
  public static Subscription fromStored(JsonNode doc, DeliveryStatus status) {
    ObjectNode copy = (ObjectNode) doc.deepCopy();
    Optional<JsonNode> context = Optional.ofNullable(copy.remove("@context"));
    Instant created = time(doc, "createdAt").orElseThrow();
    // read() parses q and geoQ with the identity dictionary here only as a syntax check; the
    // Matcher parses them again with the stored context.
    return read(copy, TermDictionary.IDENTITY, context, created, true).withStatus(status);
  }

  private static ObjectNode notification(
      Subscription.NotificationParams params, DeliveryStatus status, TermDictionary terms) {
    ObjectNode out = NODES.objectNode();
    if (!params.attributes().isEmpty()) {
      ArrayNode attributes = out.putArray("attributes");
      params.attributes().forEach(a -> attributes.add(terms.compact(a)));
    }
    out.put("format", params.format());
    out.put("showChanges", params.showChanges());
    out.put("sysAttrs", params.sysAttrs());
    ObjectNode endpoint = out.putObject("endpoint");
    endpoint.put("uri", params.endpoint().uri().toString());
    endpoint.put("accept", params.endpoint().accept());
    keyValues(endpoint, "receiverInfo", params.endpoint().receiverInfo());
    keyValues(endpoint, "notifierInfo", params.endpoint().notifierInfo());
    out.put("status", status.state());
    out.put("timesSent", status.timesSent());
    out.put("timesFailed", status.timesFailed());
    status.lastNotification().ifPresent(t -> out.put("lastNotification", Times.format(t)));
    status.lastSuccess().ifPresent(t -> out.put("lastSuccess", Times.format(t)));
    status.lastFailure().ifPresent(t -> out.put("lastFailure", Times.format(t)));
    return out;
  }

  private static void keyValues(ObjectNode parent, String name, Map<String, String> values) {
    if (values.isEmpty()) {
      return;
    }
    ArrayNode array = parent.putArray(name);
    new java.util.TreeMap<>(values)
        .forEach(
            (key, value) -> {
              ObjectNode item = array.addObject();
              item.put("key", key);
              item.put("value", value);
            });
  }

  private static List<Subscription.EntitySelector> entities(JsonNode node, TermDictionary terms) {
    List<Subscription.EntitySelector> selectors = new ArrayList<>();
    if (node == null || node.isNull()) {
      return selectors;
    }
    if (!node.isArray() || node.isEmpty()) {
      throw NgsiLdException.badRequestData("entities must be a non-empty array");
    }
    for (JsonNode item : node) {
      if (!item.isObject()) {
        throw NgsiLdException.badRequestData("Each entry of entities must be an object");
      }
      String type =
          text(item, "type")
              .orElseThrow(
                  () -> NgsiLdException.badRequestData("Each entry of entities needs a type"));
      if (type.chars().anyMatch(c -> ",;|()".indexOf(c) >= 0)) {
        throw NgsiLdException.badRequestData(
            "Type expressions are not supported in subscriptions; give one type: " + type);
      }
      Optional<String> id = text(item, "id");
      id.ifPresent(value -> requireUri(value, "entities[].id"));
      Optional<String> pattern = text(item, "idPattern");
      pattern.ifPresent(p -> Regex.compile(p, "idPattern"));
      selectors.add(
          new Subscription.EntitySelector(
              id, pattern, terms.expand(Names.requireName(type, "Entity type"))));
    }
    return selectors;
  }

  private static Subscription.NotificationParams notification(
      JsonNode node, TermDictionary terms, boolean platform) {
    if (node == null || !node.isObject()) {
      throw NgsiLdException.badRequestData("A Subscription needs a notification object");
    }
    String format = text(node, "format").orElse("normalized");
    if (!FORMATS.contains(format)) {
      throw NgsiLdException.badRequestData("Unknown notification format '" + format + "'");
    }
    JsonNode endpoint = node.get("endpoint");
    if (endpoint == null || !endpoint.isObject()) {
      throw NgsiLdException.badRequestData("notification.endpoint must be an object");
    }
    String uriText =
        text(endpoint, "uri")
            .orElseThrow(() -> NgsiLdException.badRequestData("notification.endpoint needs a uri"));
    URI uri = requireUri(uriText, "notification.endpoint.uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean local = platform && LocalEndpoints.nameOf(uri).isPresent();
    if (!local && (!SCHEMES.contains(scheme) || uri.getHost() == null)) {
      throw NgsiLdException.badRequestData(
          "notification.endpoint.uri must be an http, https, mqtt or mqtts URL with a host: "
              + uriText);
    }
    String accept = text(endpoint, "accept").orElse("application/json");
    if (!ACCEPTS.contains(accept)) {
      throw NgsiLdException.badRequestData(
          "notification.endpoint.accept must be application/json or application/ld+json");
    }
    return new Subscription.NotificationParams(
        names(node.get("attributes"), "notification.attributes", terms),
        format,
        bool(node, "showChanges", false),
        bool(node, "sysAttrs", false),
        new Subscription.Endpoint(
            uri,
            accept,
            keyValues(endpoint.get("receiverInfo"), "receiverInfo"),
            keyValues(endpoint.get("notifierInfo"), "notifierInfo")));
  }

  private static Map<String, String> keyValues(JsonNode node, String what) {
    Map<String, String> values = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (!node.isArray()) {
      throw NgsiLdException.badRequestData(what + " must be an array of {key, value}");
    }
    for (JsonNode item : node) {
      Optional<String> key = text(item, "key");
      Optional<String> value = text(item, "value");
      if (key.isEmpty() || value.isEmpty() || key.get().isBlank()) {
        throw NgsiLdException.badRequestData(what + " entries need a key and a value");
      }
      values.put(key.get(), value.get());
    }
    return values;
  }

  private static Set<Trigger> triggers(JsonNode node) {
    if (node == null || node.isNull()) {
      return Subscription.DEFAULT_TRIGGERS;
    }
    if (!node.isArray() || node.isEmpty()) {
      throw NgsiLdException.badRequestData("notificationTrigger must be a non-empty array");
    }
    Set<Trigger> triggers = EnumSet.noneOf(Trigger.class);
    for (JsonNode item : node) {
      String name = item.isString() ? item.asString() : item.toString();
      triggers.add(
          Trigger.ofApiName(name)
              .orElseThrow(
                  () -> NgsiLdException.badRequestData("Unknown notificationTrigger " + name)));
    }
    return triggers;
  }

  private static List<String> names(JsonNode node, String what, TermDictionary terms) {
    List<String> names = new ArrayList<>();
    if (node == null || node.isNull()) {
      return names;
    }
    if (!node.isArray()) {
      throw NgsiLdException.badRequestData(what + " must be an array of attribute names");
    }
    for (JsonNode item : node) {
      if (!item.isString()) {
        throw NgsiLdException.badRequestData(what + " must be an array of attribute names");
      }
      names.add(terms.expand(Names.requireName(item.asString(), "Attribute name")));
    }
    return names;
  }

  private static Optional<Integer> positive(JsonNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isNumber() || node.asDouble() <= 0 || node.asDouble() > Integer.MAX_VALUE) {
      throw NgsiLdException.badRequestData(name + " must be a positive number of seconds");
    }
    return Optional.of((int) Math.ceil(node.asDouble()));
  }

  private static boolean bool(JsonNode body, String name, boolean fallback) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw NgsiLdException.badRequestData(name + " must be true or false");
    }
    return node.asBoolean();
  }

  private static Optional<String> text(JsonNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isString()) {
      throw NgsiLdException.badRequestData(name + " must be a string");
    }
    return Optional.of(node.asString());
  }

  private static Optional<Instant> time(JsonNode body, String name) {
    return text(body, name).map(t -> time(t, name));
  }

  private static Instant time(String text, String name) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw NgsiLdException.badRequestData(name + " is not an ISO 8601 date-time: " + text);
    }
  }

  private static URI requireUri(String text, String what) {
    try {
      URI uri = new URI(text);
      if (!uri.isAbsolute()) {
        throw NgsiLdException.badRequestData(what + " must be an absolute URI: " + text);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw NgsiLdException.badRequestData(what + " is not a URI: " + text);
    }
  }
}
