package org.sundwerk.broker.subscription;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sundwerk.ngsild.codec.EntityWriter;
import org.sundwerk.ngsild.codec.Representation;
import org.sundwerk.ngsild.codec.Times;
import org.sundwerk.ngsild.jsonld.CoreContexts;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a Notification (clause 5.3.1): the changed entities in the subscription's format and
 * attributes, compacted with the subscription's context. Stateless and thread-safe.
 */
public final class NotificationRenderer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * A rendered notification.
   *
   * @param body the serialised Notification
   * @param contentType the media type of the body
   * @param link the context URL for a Link header ({@code application/json} only)
   */
  public record Rendered(byte[] body, String contentType, Optional<String> link) {}

  /** The notification of the changes in {@code messages}, one data entry per message. */
  public Rendered changes(Matcher matcher, List<OutboxMessage> messages, Instant now) {
    ArrayNode data = NODES.arrayNode();
    for (OutboxMessage message : messages) {
      data.add(entity(matcher, message));
    }
    return notification(matcher, data, now);
  }

  /** The notification of the current state of {@code entities} (periodic subscriptions). */
  public Rendered current(Matcher matcher, List<Entity> entities, Instant now) {
    ArrayNode data = NODES.arrayNode();
    Representation rep = representation(matcher.subscription());
    for (Entity entity : entities) {
      data.add(EntityWriter.write(entity, matcher.terms(), rep));
    }
    return notification(matcher, data, now);
  }

  private static Rendered notification(Matcher matcher, ArrayNode data, Instant now) {
    Subscription s = matcher.subscription();
    ObjectNode out = NODES.objectNode();
    JsonNode context = s.context().orElseGet(() -> NODES.stringNode(CoreContexts.DEFAULT_URL));
    String accept = s.notification().endpoint().accept();
    if (accept.equals("application/ld+json")) {
      out.set("@context", context);
    }
    out.put("id", "urn:ngsi-ld:Notification:" + UUID.randomUUID());
    out.put("type", "Notification");
    out.put("subscriptionId", s.id());
    out.put("notifiedAt", Times.format(now));
    out.set("data", data);
    Optional<String> link =
        accept.equals("application/json") && context.isString()
            ? Optional.of(context.asString())
            : Optional.empty();
    return new Rendered(JSON.writeValueAsBytes(out), accept, link);
  }

  private static ObjectNode entity(Matcher matcher, OutboxMessage message) {
    Subscription s = matcher.subscription();
    TermDictionary terms = matcher.terms();
    if (message.after().isEmpty()) {
      // A deleted entity is notified by id and type with the time of its deletion.
      Entity gone = message.before().orElseThrow();
      Entity stub = new Entity(gone.id(), gone.types(), List.of(), Map.of(), null, null);
      ObjectNode out = EntityWriter.write(stub, terms, Representation.NORMALIZED);
      out.put("deletedAt", Times.format(message.changedAt()));
      return out;
    }
    Entity after = message.after().get();
    Representation rep = representation(s);
    ObjectNode out = EntityWriter.write(after, terms, rep);
    if (s.notification().showChanges() && message.before().isPresent()) {
      addPreviousValues(out, message.before().get(), after, terms, rep);
    }
    return out;
  }

  private static Representation representation(Subscription s) {
    Representation.Format format =
        switch (s.notification().format()) {
          case "keyValues" -> Representation.Format.SIMPLIFIED;
          case "concise" -> Representation.Format.CONCISE;
          default -> Representation.Format.NORMALIZED;
        };
    Set<String> pick = new LinkedHashSet<>();
    if (!s.notification().attributes().isEmpty()) {
      pick.add("id");
      pick.add("type");
      pick.addAll(s.notification().attributes());
    }
    return Representation.NORMALIZED
        .withFormat(format)
        .withSysAttrs(s.notification().sysAttrs())
        .withPick(pick)
        .withLang(s.lang());
  }

  /** showChanges (clause 5.2.14): the previous value of each changed default instance. */
  private static void addPreviousValues(
      ObjectNode out, Entity before, Entity after, TermDictionary terms, Representation rep) {
    if (rep.format() == Representation.Format.SIMPLIFIED) {
      return;
    }
    for (String name : after.attributes().keySet()) {
      Optional<Attribute> now = after.defaultInstance(name);
      Optional<Attribute> old = before.defaultInstance(name);
      if (now.isEmpty() || old.isEmpty() || !rep.keeps(name)) {
        continue;
      }
      if (old.get().value().equals(now.get().value())) {
        continue;
      }
      JsonNode rendered = out.get(terms.compact(name));
      if (rendered instanceof ObjectNode attribute) {
        attribute.set(previousMember(old.get().kind()), old.get().value());
      }
    }
  }

  private static String previousMember(AttributeKind kind) {
    return switch (kind) {
      case PROPERTY, GEO_PROPERTY -> "previousValue";
      case RELATIONSHIP -> "previousObject";
      case LANGUAGE_PROPERTY -> "previousLanguageMap";
      case JSON_PROPERTY -> "previousJson";
      case VOCAB_PROPERTY -> "previousVocab";
      case LIST_PROPERTY -> "previousValueList";
      case LIST_RELATIONSHIP -> "previousObjectList";
    };
  }
}
