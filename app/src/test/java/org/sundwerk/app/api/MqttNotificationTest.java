package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Notifications over MQTT (the MQTT binding annex) to the Mosquitto broker on 127.0.0.1:1883. The
 * broker must be running (CI starts it): without it these tests fail rather than skip.
 */
class MqttNotificationTest extends ApiTest {

  Mqtt3AsyncClient listener;
  final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  String topic;

  @BeforeEach
  void listen() throws Exception {
    topic = "sundwerk/test/" + UUID.randomUUID();
    listener =
        MqttClient.builder()
            .useMqttVersion3()
            .identifier("sundwerk-test-" + UUID.randomUUID())
            .serverHost("127.0.0.1")
            .serverPort(1883)
            .buildAsync();
    listener.connect().get(5, TimeUnit.SECONDS);
    listener
        .subscribeWith()
        .topicFilter(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .callback(publish -> messages.add(Http.MAPPER.readTree(publish.getPayloadAsBytes())))
        .send()
        .get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    listener.disconnect().get(5, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @CsvSource({"mqtt3.1.1, 0", "mqtt3.1.1, 1", "mqtt5.0, 2"})
  void publishesTheNotificationToTheTopicOfTheEndpoint(String version, int qos) throws Exception {
    Http.Response created =
        http.post(
            "/ngsi-ld/v1/subscriptions",
            """
            {"type": "Subscription", "entities": [{"type": "Sensor"}],
             "notification": {"endpoint": {"uri": "mqtt://127.0.0.1:1883/%s",
               "receiverInfo": [{"key": "X-Source", "value": "sundwerk"}],
               "notifierInfo": [{"key": "MQTT-Version", "value": "%s"},
                                {"key": "MQTT-QoS", "value": "%d"}]}}}
            """
                .formatted(topic, version, qos));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    http.post(
        ENTITIES,
        "{\"id\": \"urn:ngsi-ld:Sensor:mqtt\", \"type\": \"Sensor\", \"temperature\": 4.5}");
    JsonNode message = messages.poll(10, TimeUnit.SECONDS);

    assertThat(message).as("MQTT notification").isNotNull();
    assertThat(message.at("/metadata/Content-Type").asString()).isEqualTo("application/json");
    assertThat(message.at("/metadata/NGSILD-Tenant").asString()).isEqualTo(tenant);
    assertThat(message.at("/metadata/X-Source").asString()).isEqualTo("sundwerk");
    assertThat(message.at("/body/type").asString()).isEqualTo("Notification");
    assertThat(message.at("/body/data/0/id").asString()).isEqualTo("urn:ngsi-ld:Sensor:mqtt");
    assertThat(message.at("/body/data/0/temperature/value").asDouble()).isEqualTo(4.5);
  }
}
