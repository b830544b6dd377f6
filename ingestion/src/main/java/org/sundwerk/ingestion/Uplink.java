package org.sundwerk.ingestion;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One LoRaWAN uplink as a network server reports it, reduced to what ingestion needs.
 *
 * @param devEui the device EUI, 16 lower-case hex digits
 * @param time when the device sent it (network server or gateway time), if reported
 * @param frameCounter the uplink frame counter {@code fCnt}
 * @param deliveryId what the network server names this uplink by ({@code deduplicationId} or the
 *     first uplink correlation id); copies of one uplink share it
 * @param decoded the network server's decoded payload, if it decoded one
 * @param payload the raw application payload ({@code FRMPayload}), possibly empty
 */
public record Uplink(
    String devEui,
    Optional<Instant> time,
    long frameCounter,
    String deliveryId,
    Optional<ObjectNode> decoded,
    byte[] payload) {

  public Uplink {
    Objects.requireNonNull(devEui, "devEui");
    Objects.requireNonNull(deliveryId, "deliveryId");
    payload = payload.clone();
  }

  /** Copies of the same uplink (several gateways, retried webhooks) share this key. */
  String duplicateKey() {
    return devEui + "/" + deliveryId + "/" + frameCounter;
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }
}
