package org.sundwerk.app.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MQTT connection of the ingestion under {@code sundwerk.mqtt.*} (environment {@code
 * SUNDWERK_MQTT_HOST}, ...).
 *
 * @param enabled whether to subscribe to an MQTT broker; default false
 * @param host broker host; default {@code localhost}
 * @param port broker port; default 1883
 * @param version 3 (MQTT 3.1.1) or 5; default 3
 * @param tls connect with TLS using the JVM trust store; default false
 * @param username user name; empty (the default) for none
 * @param password password; used only with a user name
 * @param clientId MQTT client identifier; default {@code sundwerk-ingestion}; give every node its
 *     own
 * @param sharedGroup MQTT shared-subscription group for several nodes; empty (the default) is off.
 *     When set, every filter is subscribed as {@code $share/<group>/<filter>} and the broker
 *     (Mosquitto 2, EMQX, HiveMQ) hands each uplink to one node of the group only; give all nodes
 *     the same group and each its own {@code client-id}. A group must not contain {@code /}, {@code
 *     +} or {@code #}
 * @param chirpstackTopic filter of ChirpStack v4 uplinks; default {@code
 *     application/+/device/+/event/up}
 * @param ttnTopic filter of The Things Stack v3 uplinks; default {@code v3/+/devices/+/up}
 * @param prefix first topic level of plain JSON messages {@code
 *     <prefix>/<tenant>/<entity-id>/attrs}; default {@code sundwerk}
 * @param connectTimeout how long to wait for the broker at start; default 10 s
 * @param embedded the in-process broker of the single-node default
 */
@ConfigurationProperties("sundwerk.mqtt")
public record MqttProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("localhost") String host,
    @DefaultValue("1883") int port,
    @DefaultValue("3") int version,
    @DefaultValue("false") boolean tls,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("sundwerk-ingestion") String clientId,
    @DefaultValue("") String sharedGroup,
    @DefaultValue("application/+/device/+/event/up") String chirpstackTopic,
    @DefaultValue("v3/+/devices/+/up") String ttnTopic,
    @DefaultValue("sundwerk") String prefix,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue Embedded embedded) {

  /**
   * The embedded MQTT 3.1.1 broker (Moquette) under {@code sundwerk.mqtt.embedded.*}: devices on
   * this machine publish to it and every message on the ingestion topics is ingested, with no
   * external broker. If its port is taken the platform starts without it and logs one warning.
   *
   * @param enabled whether to run it; default true
   * @param host the address it listens on; default {@code 127.0.0.1} (this machine only)
   * @param port its port; default 1884, beside a system broker on 1883
   * @param allowAnonymous whether clients may connect without credentials; default false. Clients
   *     present an API key scoped to {@code INGEST} as their MQTT password (any user name, e.g.
   *     {@code key}); anonymous clients, when allowed to connect, may neither ingest nor subscribe
   */
  public record Embedded(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("127.0.0.1") String host,
      @DefaultValue("1884") int port,
      @DefaultValue("false") boolean allowAnonymous) {}
}
