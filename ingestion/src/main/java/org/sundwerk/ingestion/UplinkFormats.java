package org.sundwerk.ingestion;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.sundwerk.ngsild.codec.Names;
import org.sundwerk.ngsild.codec.Times;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Readers of the uplink events of the LoRaWAN network servers, in their documented JSON forms. Each
 * throws {@link RejectedMessageException} with {@link Rejection#MALFORMED} and the missing or bad
 * member named when the event cannot be read. Stateless and thread-safe.
 */
public final class UplinkFormats {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private UplinkFormats() {}

  /**
   * A ChirpStack v4 uplink event ({@code application/{id}/device/{devEui}/event/up} and the HTTP
   * integration {@code ?event=up}): {@code deviceInfo.devEui}, {@code time}, {@code fCnt}, {@code
   * deduplicationId}, {@code object} (decoded by the codec) and {@code data} (base64).
   */
  public static Uplink chirpStack(byte[] body) {
    JsonNode event = parse(body);
    String devEui = devEui(event.path("deviceInfo").path("devEui"), "deviceInfo.devEui");
    String deliveryId = requireText(event.path("deduplicationId"), "deduplicationId");
    return new Uplink(
        devEui,
        time(event.path("time"), "time"),
        counter(event.path("fCnt"), "fCnt"),
        deliveryId,
        decoded(event.path("object"), "object"),
        base64(event.path("data"), "data"));
  }

  /**
   * A The Things Stack v3 uplink message (MQTT {@code v3/{app}@{tenant}/devices/{id}/up} and the
   * webhook): {@code end_device_ids.dev_eui}, {@code received_at}, {@code uplink_message.f_cnt},
   * {@code decoded_payload}, {@code frm_payload} (base64) and {@code correlation_ids}.
   */
  public static Uplink thingsStack(byte[] body) {
    JsonNode event = parse(body);
    String devEui = devEui(event.path("end_device_ids").path("dev_eui"), "end_device_ids.dev_eui");
    JsonNode message = event.path("uplink_message");
    if (!message.isObject()) {
      throw malformed("uplink_message is missing; only uplink messages are ingested");
    }
    Optional<Instant> time = time(message.path("received_at"), "uplink_message.received_at");
    if (time.isEmpty()) {
      time = time(event.path("received_at"), "received_at");
    }
    return new Uplink(
        devEui,
        time,
        counter(message.path("f_cnt"), "uplink_message.f_cnt"),
        uplinkCorrelationId(event.path("correlation_ids")),
        decoded(message.path("decoded_payload"), "uplink_message.decoded_payload"),
        base64(message.path("frm_payload"), "uplink_message.frm_payload"));
  }

  static JsonNode parse(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw malformed("the message is not a JSON object");
      }
      return node;
    } catch (JacksonException e) {
      throw malformed("the message is not JSON: " + e.getOriginalMessage());
    }
  }

  /** The {@code as:up:} correlation id names one uplink across all its copies. */
  private static String uplinkCorrelationId(JsonNode ids) {
    if (!ids.isArray() || ids.isEmpty()) {
      throw malformed("correlation_ids is missing");
    }
    for (JsonNode id : ids) {
      if (id.isString() && id.asString().startsWith("as:up:")) {
        return id.asString();
      }
    }
    return ids.get(0).asString();
  }

  private static String devEui(JsonNode node, String member) {
    String text = requireText(node, member).toLowerCase(Locale.ROOT);
    if (text.length() != 16 || !text.chars().allMatch(HexFormat::isHexDigit)) {
      throw malformed(member + " must be 16 hex digits, not '" + text + "'");
    }
    return text;
  }

  private static String requireText(JsonNode node, String member) {
    if (!node.isString() || node.asString().isBlank()) {
      throw malformed(member + " is missing or not a string");
    }
    return node.asString();
  }

  private static Optional<Instant> time(JsonNode node, String member) {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Times.parse(requireText(node, member)));
    } catch (DateTimeParseException e) {
      throw malformed(
          member
              + " is not an RFC 3339 time in years 0000 to 9999: "
              + Names.shown(node.asString()));
    }
  }

  /** JSON encoders of protobuf messages omit a counter of 0. */
  private static long counter(JsonNode node, String member) {
    if (node.isMissingNode() || node.isNull()) {
      return 0;
    }
    if (!node.canConvertToLong() || node.asLong() < 0) {
      throw malformed(member + " must be a non-negative integer");
    }
    return node.asLong();
  }

  private static Optional<ObjectNode> decoded(JsonNode node, String member) {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    if (!(node instanceof ObjectNode object)) {
      throw malformed(member + " must be a JSON object");
    }
    return object.isEmpty() ? Optional.empty() : Optional.of(object);
  }

  private static byte[] base64(JsonNode node, String member) {
    if (node.isMissingNode() || node.isNull()) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(requireText(node, member));
    } catch (IllegalArgumentException e) {
      throw malformed(member + " is not base64");
    }
  }

  private static RejectedMessageException malformed(String detail) {
    return new RejectedMessageException(Rejection.MALFORMED, detail);
  }
}
