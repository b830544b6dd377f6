package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAck;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sundwerk.access.Operation;
import org.sundwerk.app.SundwerkApplication;
import org.sundwerk.app.TestAdmin;
import org.sundwerk.app.TestKeys;
import org.sundwerk.ingestion.Ingestion;
import org.sundwerk.ingestion.Rejection;

/**
 * The embedded MQTT broker, spoken to with the HiveMQ client: CONNECT needs an API key scoped to
 * INGEST as password, every uplink is decided against the tenant it writes into, and only the
 * platform operator may subscribe (raw uplinks of every tenant).
 */
@SpringBootTest(
    classes = SundwerkApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedBrokerAccessTest {

  private static final int MQTT_PORT = freePort();
  private static final String PREFIX = "sundwerk";
  private static final String STRALSUND = "stralsund";
  private static final String WEATHER = "urn:ngsi-ld:WeatherObserved:stralsund:hafen";

  @LocalServerPort int port;

  @Autowired ApplicationContext context;
  @Autowired Ingestion ingestion;

  private String stralsund;
  private String grimmen;
  private String readOnly;

  @DynamicPropertySource
  static void embedded(DynamicPropertyRegistry registry) throws IOException {
    registry.add(
        "sundwerk.data-dir",
        Files.createTempDirectory("sundwerk-mqtt-access").toString()::toString);
    registry.add("sundwerk.demo.enabled", () -> "true");
    registry.add("sundwerk.simulator.enabled", () -> "false");
    registry.add("sundwerk.portal.tile-url", () -> "");
    registry.add("sundwerk.admin-api-key", () -> TestAdmin.KEY);
    registry.add("sundwerk.mqtt.embedded.enabled", () -> "true");
    registry.add("sundwerk.mqtt.embedded.host", () -> "127.0.0.1");
    registry.add("sundwerk.mqtt.embedded.port", () -> String.valueOf(MQTT_PORT));
  }

  @BeforeAll
  void keys() {
    TestKeys keys = new TestKeys(context);
    stralsund = keys.key(TestKeys.only(Operation.INGEST), TestKeys.operatorOf("stralsund"));
    grimmen = keys.key(TestKeys.only(Operation.INGEST), TestKeys.operatorOf("grimmen"));
    readOnly = keys.key(TestKeys.only(Operation.READ), TestKeys.operatorOf("stralsund"));
  }

  @Test
  void refusesAnonymousClientsWrongKeysAndKeysNotScopedToIngest() {
    assertThatThrownBy(() -> client().connect()).isInstanceOf(Mqtt3ConnAckException.class);
    assertThatThrownBy(() -> connect("key", "sw_0123456789abcdef_" + "x".repeat(43)))
        .isInstanceOf(Mqtt3ConnAckException.class);
    assertThatThrownBy(() -> connect("key", readOnly)).isInstanceOf(Mqtt3ConnAckException.class);
  }

  @Test
  void aKeyOfTheEntitysTenantWritesItWithAnyUserName() {
    Mqtt3BlockingClient device = connect("weather-station-7", stralsund);
    publish(device, PREFIX + "/stralsund/" + WEATHER + "/attrs", "{\"temperature\": 17.75}");
    device.disconnect();

    await(() -> temperature() == 17.75);
  }

  @Test
  void aKeyOfAnotherTenantIsRefusedPerMessageAndWritesNothing() {
    double before = temperature();
    long refused = ingestion.metrics().rejected(Rejection.FORBIDDEN);
    Mqtt3BlockingClient device = connect("key", grimmen);

    publish(device, PREFIX + "/stralsund/" + WEATHER + "/attrs", "{\"temperature\": -40.5}");
    publish(
        device,
        "application/1/device/70b3d57ed0000001/event/up",
        new String(CityTest.fixture("chirpstack-v4-parking-decoded.json"), StandardCharsets.UTF_8));
    device.disconnect();

    await(() -> ingestion.metrics().rejected(Rejection.FORBIDDEN) >= refused + 2);
    assertThat(temperature()).isEqualTo(before);
  }

  @Test
  void onlyThePlatformOperatorMaySubscribe() {
    Mqtt3BlockingClient device = connect("key", stralsund);
    assertThatThrownBy(() -> device.subscribeWith().topicFilter("#").send())
        .isInstanceOf(Mqtt3SubAckException.class);
    device.disconnect();

    Mqtt3BlockingClient platform = connect("key", TestAdmin.KEY);
    Mqtt3SubAck granted = platform.subscribeWith().topicFilter(PREFIX + "/#").send();
    platform.disconnect();

    assertThat(granted.getReturnCodes()).doesNotContain(Mqtt3SubAckReturnCode.FAILURE);
  }

  private static Mqtt3BlockingClient client() {
    return MqttClient.builder()
        .useMqttVersion3()
        .identifier("test-" + UUID.randomUUID())
        .serverHost("127.0.0.1")
        .serverPort(MQTT_PORT)
        .buildBlocking();
  }

  private static Mqtt3BlockingClient connect(String username, String key) {
    Mqtt3BlockingClient client = client();
    client
        .connectWith()
        .simpleAuth()
        .username(username)
        .password(key.getBytes(StandardCharsets.UTF_8))
        .applySimpleAuth()
        .send();
    return client;
  }

  private static void publish(Mqtt3BlockingClient client, String topic, String payload) {
    client
        .publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(payload.getBytes(StandardCharsets.UTF_8))
        .send();
  }

  private static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 10 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The entity's temperature, read as the platform operator. */
  private double temperature() {
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:"
                                  + port
                                  + "/ngsi-ld/v1/entities/"
                                  + URLEncoder.encode(WEATHER, StandardCharsets.UTF_8)
                                  + "?options=keyValues"))
                      .header("NGSILD-Tenant", STRALSUND)
                      .header("Link", CityTest.link(CityTest.contextOf("WeatherObserved")))
                      .header(TestAdmin.HEADER, TestAdmin.KEY)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return CityTest.JSON.readTree(answer.body()).path("temperature").asDouble();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
