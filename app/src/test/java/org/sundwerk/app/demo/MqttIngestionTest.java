package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Uplinks published to the machine's Mosquitto (127.0.0.1:1883) on the network servers' topics
 * reach the entity. Fails, never skips, when Mosquitto is down.
 */
class MqttIngestionTest extends CityTest {

  private Mqtt3BlockingClient device;

  @BeforeEach
  void connect() {
    device =
        MqttClient.builder()
            .useMqttVersion3()
            .identifier(MQTT_PREFIX + "-device")
            .serverHost("127.0.0.1")
            .serverPort(1883)
            .buildBlocking();
    device.connect();
  }

  @AfterEach
  void disconnect() {
    device.disconnect();
  }

  @Test
  void ingestsAChirpStackUplinkFromItsApplicationTopic() {
    publish(
        MQTT_PREFIX + "/application/17c82e96/device/70b3d57ed0000005/event/up",
        fixture("chirpstack-v4-parking-raw.json"));

    JsonNode lot =
        awaitEntity(
            "urn:ngsi-ld:OffStreetParking:stralsund:parkplatz-schuetzenbastion",
            e -> e.at("/availableSpotNumber/value").asInt() == 30);
    assertThat(lot.at("/availableSpotNumber/observedAt").asString())
        .isEqualTo("2026-07-18T10:05:00.000Z");
  }

  @Test
  void ingestsAThingsStackUplinkFromItsDeviceTopic() {
    publish(
        MQTT_PREFIX + "/v3/stralsund-bathing-water@ttn/devices/strandbad-water-1/up",
        fixture("tts-v3-water-raw.json"));

    awaitEntity(
        "urn:ngsi-ld:WaterQualityObserved:stralsund:strandbad",
        e -> e.at("/escherichiaColi/value").asInt() == 42);
  }

  @Test
  void ingestsPlainJsonFromTheAttrsTopic() {
    String id = "urn:ngsi-ld:WeatherObserved:stralsund:hafen";
    publish(
        MQTT_PREFIX + "/stralsund/" + id + "/attrs",
        "{\"temperature\": 21.25, \"windSpeed\": 7.5, \"observedAt\": \"2026-07-18T12:00:00Z\"}"
            .getBytes(StandardCharsets.UTF_8));

    JsonNode station = awaitEntity(id, e -> e.at("/temperature/value").asDouble() == 21.25);
    assertThat(station.at("/windSpeed/value").asDouble()).isEqualTo(7.5);
    assertThat(station.at("/windSpeed/observedAt").asString())
        .isEqualTo("2026-07-18T12:00:00.000Z");
  }

  private void publish(String topic, byte[] payload) {
    device.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
  }

  private JsonNode awaitEntity(String id, Predicate<JsonNode> condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    JsonNode entity = entity(STRALSUND, id);
    while (!condition.test(entity)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("entity " + id + " did not change in 10 s: " + entity);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      entity = entity(STRALSUND, id);
    }
    return entity;
  }
}
