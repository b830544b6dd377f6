package org.sundwerk.ingestion;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered field device: where its readings go and how to read them.
 *
 * @param devEui the LoRaWAN device EUI, 16 lower-case hex digits
 * @param tenant the tenant of the entity
 * @param entityId the entity that the readings are merged into
 * @param decoder decodes the raw payload when the network server sent no decoded object
 * @param attributes which field of the decoded payload becomes which attribute; fields not named
 *     here are ignored
 */
public record Device(
    String devEui,
    String tenant,
    String entityId,
    Optional<PayloadDecoder> decoder,
    Map<String, AttributeMapping> attributes) {

  public Device {
    Objects.requireNonNull(devEui, "devEui");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(entityId, "entityId");
    attributes = Map.copyOf(attributes);
  }

  /**
   * @param name the attribute's term (expanded with the ingestion's context) or IRI
   * @param unitCode the UN/CEFACT unit code of the values, if any
   */
  public record AttributeMapping(String name, Optional<String> unitCode) {}
}
