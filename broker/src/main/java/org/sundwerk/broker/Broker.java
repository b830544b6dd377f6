package org.sundwerk.broker;

import java.time.Clock;
import org.sundwerk.broker.entity.EntityOperations;
import org.sundwerk.broker.entity.EntityStore;

/**
 * The broker's operations wired to one store and one clock: what every adapter (HTTP, MQTT,
 * LoRaWAN, the portal, the demo loader) calls.
 *
 * @param entities the entity operations
 */
public record Broker(EntityOperations entities) {

  /**
   * @param maxPageSize the largest {@code limit} a query may ask for
   */
  public static Broker create(EntityStore store, Clock clock, int maxPageSize) {
    return new Broker(EntityOperations.create(store, clock, maxPageSize));
  }
}
