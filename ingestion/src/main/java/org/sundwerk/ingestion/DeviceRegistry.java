package org.sundwerk.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The registered devices by EUI, read once from a JSON document of the form {@code {"devices":
 * [{"devEui", "tenant", "entityId", "decoder"?, "attributes": {field: name | {"name",
 * "unitCode"?}}}]}}. Immutable and thread-safe.
 */
public final class DeviceRegistry {

  private final Map<String, Device> byEui;

  private DeviceRegistry(Map<String, Device> byEui) {
    this.byEui = Map.copyOf(byEui);
  }

  public static DeviceRegistry of(Iterable<Device> devices) {
    Map<String, Device> map = new LinkedHashMap<>();
    for (Device device : devices) {
      map.put(device.devEui().toLowerCase(Locale.ROOT), device);
    }
    return new DeviceRegistry(map);
  }

  /**
   * @throws IllegalArgumentException when the document is not a valid registry; the message names
   *     the offending device
   */
  public static DeviceRegistry read(InputStream document) {
    JsonNode root;
    try (document) {
      root = UplinkFormats.parse(document.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RejectedMessageException e) {
      throw new IllegalArgumentException("device registry: " + e.getMessage(), e);
    }
    Map<String, Device> map = new LinkedHashMap<>();
    for (JsonNode node : root.path("devices")) {
      Device device = device(node);
      if (map.put(device.devEui(), device) != null) {
        throw new IllegalArgumentException("device registry: devEui twice: " + device.devEui());
      }
    }
    return new DeviceRegistry(map);
  }

  public Optional<Device> find(String devEui) {
    return Optional.ofNullable(byEui.get(devEui.toLowerCase(Locale.ROOT)));
  }

  public Iterable<Device> devices() {
    return byEui.values();
  }

  public int size() {
    return byEui.size();
  }

  private static Device device(JsonNode node) {
    String devEui = required(node, "devEui").toLowerCase(Locale.ROOT);
    Optional<PayloadDecoder> decoder = Optional.empty();
    if (node.hasNonNull("decoder")) {
      String name = node.get("decoder").asString();
      decoder = PayloadDecoder.named(name);
      if (decoder.isEmpty()) {
        throw new IllegalArgumentException(
            "device registry: device " + devEui + " names unknown decoder " + name);
      }
    }
    Map<String, Device.AttributeMapping> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.path("attributes").properties()) {
      JsonNode mapping = field.getValue();
      attributes.put(
          field.getKey(),
          mapping.isString()
              ? new Device.AttributeMapping(mapping.asString(), Optional.empty())
              : new Device.AttributeMapping(
                  required(mapping, "name"),
                  Optional.ofNullable(mapping.path("unitCode").asString(null))));
    }
    if (attributes.isEmpty()) {
      throw new IllegalArgumentException(
          "device registry: device " + devEui + " maps no attributes");
    }
    return new Device(
        devEui, required(node, "tenant"), required(node, "entityId"), decoder, attributes);
  }

  private static String required(JsonNode node, String member) {
    JsonNode value = node.path(member);
    if (!value.isString() || value.asString().isBlank()) {
      throw new IllegalArgumentException("device registry: " + member + " missing in " + node);
    }
    return value.asString();
  }
}
