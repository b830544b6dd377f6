package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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

  /**
   * The SSRF guard holds for MQTT endpoints as for HTTP ones: a broker at an internal address that
   * is not on {@code sundwerk.notifications.allowed-hosts} (here only 127.0.0.1) gets nothing, and
   * each refused delivery is a failure in the subscription's status. On 127.0.0.2 a socket of this
   * test listens: the notifier must not even connect to it.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "mqtt://127.0.0.2:{port}/%s",
        "mqtt://[::ffff:127.0.0.2]:{port}/%s",
        "mqtts://169.254.169.254/%s",
        "mqtt://user:pass@10.0.0.1:1883/%s"
      })
  void refusesMqttEndpointsAtInternalAddressesNotOnTheAllowList(String endpoint) throws Exception {
    AtomicInteger connections = new AtomicInteger();
    ServerSocket internal = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.2"));
    Thread.ofVirtual()
        .start(
            () -> {
              while (!internal.isClosed()) {
                try (Socket ignored = internal.accept()) {
                  connections.incrementAndGet();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    endpoint = endpoint.replace("{port}", String.valueOf(internal.getLocalPort()));
    String id = "urn:ngsi-ld:Subscription:mqtt-guarded-" + UUID.randomUUID();
    Http.Response created =
        http.post(
            "/ngsi-ld/v1/subscriptions",
            """
            {"id": "%s", "type": "Subscription", "entities": [{"type": "Sensor"}],
             "notification": {"endpoint": {"uri": "%s"}}}
            """
                .formatted(id, endpoint.formatted(topic)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    http.post(ENTITIES, "{\"id\": \"urn:ngsi-ld:Sensor:guarded\", \"type\": \"Sensor\", \"t\": 1}");
    JsonNode notification = http.get("/ngsi-ld/v1/subscriptions/" + id).json().path("notification");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!notification.has("lastFailure") && System.nanoTime() < deadline) {
      Thread.sleep(50);
      notification = http.get("/ngsi-ld/v1/subscriptions/" + id).json().path("notification");
    }

    assertThat(notification.path("status").asString())
        .as(notification.toString())
        .isEqualTo("failed");
    assertThat(notification.has("lastSuccess")).isFalse();
    assertThat(messages.poll(1, TimeUnit.SECONDS)).as("a notification got through").isNull();
    internal.close();
    assertThat(connections.get()).as("connections to the internal address").isZero();
  }
}
