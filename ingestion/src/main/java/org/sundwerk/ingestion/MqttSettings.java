package org.sundwerk.ingestion;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the MQTT broker that devices and network servers publish to.
 *
 * @param host broker host
 * @param port broker port (1883 plain, 8883 TLS by convention)
 * @param version 3 for MQTT 3.1.1, 5 for MQTT 5
 * @param tls whether to connect with TLS (the JVM's default trust store)
 * @param username user name, if the broker needs credentials
 * @param password password, used only together with a user name
 * @param clientId the client identifier; with shared subscriptions every node needs its own
 * @param sharedGroup when present, every filter is subscribed as the MQTT shared subscription
 *     {@code $share/<group>/<filter>}, so that the broker hands each message to one client of the
 *     group (several nodes ingest each uplink once); empty subscribes plainly
 * @param chirpStackTopic subscription filter for ChirpStack v4 uplink events
 * @param thingsStackTopic subscription filter for The Things Stack v3 uplinks
 * @param jsonPrefix first level of the plain JSON topics {@code
 *     <prefix>/<tenant>/<entity-id>/attrs}
 * @param connectTimeout how long to wait for the first connection
 */
public record MqttSettings(
    String host,
    int port,
    int version,
    boolean tls,
    Optional<String> username,
    Optional<String> password,
    String clientId,
    Optional<String> sharedGroup,
    String chirpStackTopic,
    String thingsStackTopic,
    String jsonPrefix,
    Duration connectTimeout) {

  public MqttSettings {
    if (version != 3 && version != 5) {
      throw new IllegalArgumentException("MQTT version must be 3 or 5, not " + version);
    }
    sharedGroup.ifPresent(
        group -> {
          // MQTT 5 (4.8.2): a share name is at least one character and has no '/', '+' or '#'.
          if (group.isEmpty() || group.chars().anyMatch(c -> c == '/' || c == '+' || c == '#')) {
            throw new IllegalArgumentException(
                "MQTT shared group must be non-empty without '/', '+' or '#': " + group);
          }
        });
  }

  /** Plain MQTT 3.1.1 to a local broker with the network servers' default topics. */
  public static MqttSettings local(String host, int port, String clientId) {
    return new MqttSettings(
        host,
        port,
        3,
        false,
        Optional.empty(),
        Optional.empty(),
        clientId,
        Optional.empty(),
        "application/+/device/+/event/up",
        "v3/+/devices/+/up",
        "sundwerk",
        Duration.ofSeconds(10));
  }

  /** The filter to subscribe for a route's filter: shared when a group is set. */
  String subscriptionFilter(String filter) {
    return sharedGroup.map(group -> "$share/" + group + "/" + filter).orElse(filter);
  }
}
