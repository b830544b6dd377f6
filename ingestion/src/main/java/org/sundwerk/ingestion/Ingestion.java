package org.sundwerk.ingestion;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sundwerk.broker.Broker;
import org.sundwerk.broker.entity.MergeEntity;
import org.sundwerk.broker.entity.Tenants;
import org.sundwerk.ngsild.codec.EntityReader;
import org.sundwerk.ngsild.codec.Names;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The entry point of every device message, whatever carried it (MQTT, webhook, simulator): reads
 * it, maps it to attributes and runs one Merge Entity on the broker as an observation ({@link
 * MergeEntity#observe}): a copy of an uplink already merged (by its network server's delivery id
 * and frame counter) changes nothing, also after a restart or on another node, and a value observed
 * before the current one goes into the history only. Never throws for a bad message: the result
 * says what happened, the reason is logged and counted. Thread-safe.
 */
public final class Ingestion {

  private static final System.Logger LOG = System.getLogger(Ingestion.class.getName());

  /** Uplink keys among the store's write keys ({@code <devEui>/<delivery id>/<fCnt>} follows). */
  private static final String UPLINK_KEY_PREFIX = "uplink/";

  private final Broker broker;
  private final DeviceRegistry devices;
  private final TermDictionary terms;
  private final Clock clock;
  private final IngestionMetrics metrics = new IngestionMetrics();

  /**
   * @param terms expands the attribute names of the registry and of plain JSON messages
   * @param clock gives {@code observedAt} when a message carries no device time
   */
  public Ingestion(Broker broker, DeviceRegistry devices, TermDictionary terms, Clock clock) {
    this.broker = broker;
    this.devices = devices;
    this.terms = terms;
    this.clock = clock;
  }

  public IngestionMetrics metrics() {
    return metrics;
  }

  public DeviceRegistry devices() {
    return devices;
  }

  /** A ChirpStack v4 uplink event from a trusted sender ({@link UplinkPermit#TRUSTED}). */
  public IngestResult chirpStack(byte[] event) {
    return chirpStack(event, UplinkPermit.TRUSTED);
  }

  /** A ChirpStack v4 uplink event, written only where {@code permit} lets its sender write. */
  public IngestResult chirpStack(byte[] event, UplinkPermit permit) {
    return uplink("chirpstack", event, UplinkFormats::chirpStack, permit);
  }

  /** A The Things Stack v3 uplink message from a trusted sender. */
  public IngestResult thingsStack(byte[] message) {
    return thingsStack(message, UplinkPermit.TRUSTED);
  }

  /** A The Things Stack v3 uplink message, written only where {@code permit} lets it. */
  public IngestResult thingsStack(byte[] message, UplinkPermit permit) {
    return uplink("ttn", message, UplinkFormats::thingsStack, permit);
  }

  /** Plain JSON attribute values from a trusted sender; see the overload with a permit. */
  public IngestResult attributes(String tenant, String entityId, byte[] message) {
    return attributes(tenant, entityId, message, UplinkPermit.TRUSTED);
  }

  /**
   * A plain JSON object of attribute values ({@code <prefix>/<tenant>/<entity-id>/attrs}): each
   * member becomes a Property, except {@code observedAt}, which gives the observation time.
   */
  public IngestResult attributes(
      String tenant, String entityId, byte[] message, UplinkPermit permit) {
    IngestResult result;
    try {
      String checkedTenant = Tenants.of(Optional.of(tenant));
      Names.requireEntityId(entityId);
      authorize(permit, checkedTenant, entityId);
      JsonNode values = UplinkFormats.parse(message);
      Instant observedAt = observedAt(values);
      Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> member : values.properties()) {
        if (!member.getKey().equals("observedAt")) {
          attributes.put(
              terms.expand(member.getKey()),
              List.of(property(member.getValue(), observedAt, Optional.empty())));
        }
      }
      if (attributes.isEmpty()) {
        throw new RejectedMessageException(Rejection.MALFORMED, "the message carries no values");
      }
      result = merge(checkedTenant, entityId, attributes, Optional.empty());
    } catch (RejectedMessageException e) {
      result = new IngestResult.Rejected(e.reason(), e.getMessage());
    } catch (NgsiLdException e) {
      result = new IngestResult.Rejected(Rejection.MALFORMED, e.getMessage());
    }
    return finish("json " + tenant + "/" + entityId, result);
  }

  private IngestResult uplink(
      String source, byte[] body, Function<byte[], Uplink> format, UplinkPermit permit) {
    IngestResult result;
    try {
      Uplink uplink = format.apply(body);
      Device device =
          devices
              .find(uplink.devEui())
              .orElseThrow(
                  () ->
                      new RejectedMessageException(
                          Rejection.UNKNOWN_DEVICE,
                          "no device " + uplink.devEui() + " registered"));
      authorize(permit, device.tenant(), device.entityId());
      ObjectNode values = values(uplink, device);
      Instant observedAt = uplink.time().orElseGet(clock::instant);
      Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
      device
          .attributes()
          .forEach(
              (field, mapping) -> {
                JsonNode value = values.get(field);
                if (value != null && !value.isNull()) {
                  attributes.put(
                      terms.expand(mapping.name()),
                      List.of(property(value, observedAt, mapping.unitCode())));
                }
              });
      if (attributes.isEmpty()) {
        throw new RejectedMessageException(
            Rejection.UNDECODABLE,
            "the payload has none of the fields " + device.attributes().keySet());
      }
      result =
          merge(device.tenant(), device.entityId(), attributes, Optional.of(uplink.duplicateKey()));
    } catch (RejectedMessageException e) {
      result = new IngestResult.Rejected(e.reason(), e.getMessage());
    }
    return finish(source, result);
  }

  /** Asks the permit once, before anything is decoded or written. */
  private static void authorize(UplinkPermit permit, String tenant, String entityId) {
    Optional<String> refusal = permit.refusal(new UplinkPermit.Target(tenant, entityId));
    if (refusal.isPresent()) {
      throw new RejectedMessageException(
          Rejection.FORBIDDEN, "not allowed to write " + entityId + ": " + refusal.get());
    }
  }

  private static ObjectNode values(Uplink uplink, Device device) {
    if (uplink.decoded().isPresent()) {
      return uplink.decoded().get();
    }
    PayloadDecoder decoder =
        device
            .decoder()
            .orElseThrow(
                () ->
                    new RejectedMessageException(
                        Rejection.UNDECODABLE,
                        "no decoded object and no decoder for device " + device.devEui()));
    return decoder.decode(uplink.payload());
  }

  /**
   * The one write per accepted message: Merge Entity as an observation, at most once per {@code
   * key} ({@link MergeEntity#observe}).
   */
  private IngestResult merge(
      String tenant, String entityId, Map<String, List<Attribute>> attrs, Optional<String> key) {
    try {
      MergeEntity.Observed observed =
          broker
              .entities()
              .merge()
              .observe(
                  tenant,
                  new Entity(entityId, List.of(), List.of(), attrs, null, null),
                  key.map(k -> UPLINK_KEY_PREFIX + k));
      return observed == MergeEntity.Observed.DUPLICATE
          ? new IngestResult.Duplicate(key.orElseThrow())
          : new IngestResult.Accepted(tenant, entityId);
    } catch (NgsiLdException e) {
      return new IngestResult.Rejected(
          e.retryable() ? Rejection.UNAVAILABLE : Rejection.REFUSED,
          "merge into " + entityId + " failed: " + e.getMessage());
    } catch (RuntimeException e) {
      // NgsiLdException for a refused merge; anything else (a store failure) must not kill the
      // MQTT callback thread either.
      return new IngestResult.Rejected(
          Rejection.REFUSED, "merge into " + entityId + " failed: " + e.getMessage());
    }
  }

  private Instant observedAt(JsonNode values) {
    JsonNode node = values.path("observedAt");
    if (node.isMissingNode()) {
      return clock.instant();
    }
    if (!node.isString()) {
      throw new RejectedMessageException(Rejection.MALFORMED, "observedAt must be a string");
    }
    try {
      return EntityReader.parseTime(node.asString(), "observedAt");
    } catch (NgsiLdException e) {
      throw new RejectedMessageException(Rejection.MALFORMED, e.getMessage());
    }
  }

  private static Attribute property(JsonNode value, Instant observedAt, Optional<String> unitCode) {
    if (value.isObject() || value.isArray() && value.isEmpty()) {
      throw new RejectedMessageException(
          Rejection.MALFORMED, "values must be numbers, strings, booleans or lists, not " + value);
    }
    return new Attribute(
        AttributeKind.PROPERTY,
        value.deepCopy(),
        null,
        observedAt,
        unitCode.orElse(null),
        null,
        null,
        Map.of());
  }

  private IngestResult finish(String source, IngestResult result) {
    metrics.record(result);
    switch (result) {
      case IngestResult.Rejected r ->
          LOG.log(
              System.Logger.Level.WARNING,
              "{0} message rejected ({1}): {2}",
              source,
              r.reason(),
              r.detail());
      case IngestResult.Duplicate d ->
          LOG.log(System.Logger.Level.DEBUG, "{0} duplicate dropped: {1}", source, d.key());
      case IngestResult.Accepted ignored -> {}
    }
    return result;
  }
}
