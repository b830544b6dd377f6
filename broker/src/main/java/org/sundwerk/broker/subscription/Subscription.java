package org.sundwerk.broker.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An NGSI-LD subscription (clause 5.2.12) with every name expanded. {@code q}, {@code scopeQ} and
 * {@code geoQ} are kept as given; they are read with {@link #context()}, the context notifications
 * are compacted with.
 *
 * @param id the subscription id
 * @param name the subscriptionName
 * @param description the description
 * @param entities the entity selectors (any one must match; empty: any entity)
 * @param watchedAttributes expanded attribute names whose changes notify (empty: any attribute)
 * @param triggers the notificationTrigger values
 * @param q the q filter as given
 * @param geoQ the geoQ object as given
 * @param scopeQ the scopeQ as given
 * @param timeInterval seconds between periodic notifications; present means periodic
 * @param throttling minimum seconds between two notifications
 * @param expiresAt when the subscription expires
 * @param active isActive
 * @param lang the preferred languages for LanguageProperties
 * @param context the @context reference notifications are compacted with (empty: core context)
 * @param notification what is notified and where
 * @param createdAt system time of creation
 * @param modifiedAt system time of the last change
 * @param status the delivery counters, maintained by the notifier
 * @param owner who created it (empty: created before accounts, or by the broker alone)
 */
public record Subscription(
    String id,
    Optional<String> name,
    Optional<String> description,
    List<EntitySelector> entities,
    List<String> watchedAttributes,
    Set<Trigger> triggers,
    Optional<String> q,
    Optional<JsonNode> geoQ,
    Optional<String> scopeQ,
    Optional<Integer> timeInterval,
    Optional<Integer> throttling,
    Optional<Instant> expiresAt,
    boolean active,
    Optional<String> lang,
    Optional<JsonNode> context,
    NotificationParams notification,
    Instant createdAt,
    Instant modifiedAt,
    DeliveryStatus status,
    Optional<SubscriptionOwner> owner) {

  public Subscription {
    entities = List.copyOf(entities);
    watchedAttributes = List.copyOf(watchedAttributes);
    triggers = Set.copyOf(triggers);
  }

  /** The triggers a subscription has when it names none (clause 5.2.12). */
  public static final Set<Trigger> DEFAULT_TRIGGERS =
      Set.of(Trigger.ATTRIBUTE_CREATED, Trigger.ATTRIBUTE_UPDATED);

  /** {@code active}, {@code paused} or {@code expired} at {@code now} (clause 5.2.12). */
  public String statusAt(Instant now) {
    if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
      return "expired";
    }
    return active ? "active" : "paused";
  }

  public boolean notifiesAt(Instant now) {
    return statusAt(now).equals("active");
  }

  public Subscription withStatus(DeliveryStatus newStatus) {
    return new Subscription(
        id,
        name,
        description,
        entities,
        watchedAttributes,
        triggers,
        q,
        geoQ,
        scopeQ,
        timeInterval,
        throttling,
        expiresAt,
        active,
        lang,
        context,
        notification,
        createdAt,
        modifiedAt,
        newStatus,
        owner);
  }

  public Subscription withOwner(Optional<SubscriptionOwner> newOwner) {
    return new Subscription(
        id,
        name,
        description,
        entities,
        watchedAttributes,
        triggers,
        q,
        geoQ,
        scopeQ,
        timeInterval,
        throttling,
        expiresAt,
        active,
        lang,
        context,
        notification,
        createdAt,
        modifiedAt,
        status,
        newOwner);
  }

  /**
   * One entry of {@code entities} (clause 5.2.33): a type and optionally an id or id pattern.
   *
   * @param id the entity id
   * @param idPattern a {@link org.sundwerk.ngsild.query.Regex} the id must match (find semantics)
   * @param type the expanded entity type
   */
  public record EntitySelector(Optional<String> id, Optional<String> idPattern, String type) {}

  /**
   * NotificationParams (clause 5.2.14).
   *
   * @param attributes expanded names of the attributes notified (empty: all)
   * @param format normalized, keyValues or concise
   * @param showChanges whether previous values of changed attributes are included
   * @param sysAttrs whether createdAt and modifiedAt are included
   * @param endpoint where notifications go
   */
  public record NotificationParams(
      List<String> attributes,
      String format,
      boolean showChanges,
      boolean sysAttrs,
      Endpoint endpoint) {

    public NotificationParams {
      attributes = List.copyOf(attributes);
    }
  }

  /**
   * Endpoint (clause 5.2.15).
   *
   * @param uri an http, https, mqtt or mqtts URI
   * @param accept the media type of notifications: application/json or application/ld+json
   * @param receiverInfo extra headers (HTTP) or metadata members (MQTT), in order
   * @param notifierInfo settings of the notifier, e.g. {@code MQTT-QoS}, {@code MQTT-Version}
   */
  public record Endpoint(
      URI uri, String accept, Map<String, String> receiverInfo, Map<String, String> notifierInfo) {

    public Endpoint {
      receiverInfo = Map.copyOf(receiverInfo);
      notifierInfo = Map.copyOf(notifierInfo);
    }
  }
}
