package org.sundwerk.ingestion;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether the sender of a device message may write where the message writes. The ingestion asks it
 * exactly once per message, as soon as it knows the target (for a LoRaWAN uplink after the device
 * registry named the device's tenant and entity, for plain JSON from the topic or path) and before
 * anything is decoded or written. The app implements it with its access decision; the ingestion
 * knows no accounts or keys. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface UplinkPermit {

  /** Where a message writes: the tenant and the entity that the readings are merged into. */
  record Target(String tenant, String entityId) {
    public Target {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(entityId, "entityId");
    }
  }

  /** Empty when the sender may write into {@code target}, else why not (logged and counted). */
  Optional<String> refusal(Target target);

  /**
   * For senders the platform trusts as a whole: its own simulator and an external MQTT broker,
   * whose administrator decides with the broker's ACLs who may publish what.
   */
  UplinkPermit TRUSTED = target -> Optional.empty();
}
