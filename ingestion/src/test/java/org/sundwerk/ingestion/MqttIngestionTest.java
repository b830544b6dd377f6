package org.sundwerk.ingestion;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sundwerk.broker.Broker;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.store.JdbcEntityStore;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The MQTT subscription with MQTT 3.1.1 and 5 against the machine's Mosquitto on 127.0.0.1:1883;
 * fails, never skips, when it is down.
 */
class MqttIngestionTest {

  private static final String ID = "urn:ngsi-ld:WeatherObserved:test:station";
  private static final String TEMPERATURE = "https://example.org/temperature";
  private static final String PREFIX = "sundwerk-ingestion-test-" + ProcessHandle.current().pid();

  @TempDir Path data;
  private JdbcEntityStore store;
  private Broker broker;
  private Ingestion ingestion;

  @BeforeEach
  void start() {
    store = new JdbcEntityStore(data);
    broker = Broker.create(store, Clock.systemUTC(), 100);
    broker
        .entities()
        .create()
        .handle(
            "test",
            new Entity(
                ID,
                List.of("https://example.org/WeatherObserved"),
                List.of(),
                Map.of(
                    TEMPERATURE,
                    List.of(
                        Attribute.of(
                            AttributeKind.PROPERTY, JsonNodeFactory.instance.numberNode(0)))),
                null,
                null));
    ingestion = newIngestion();
  }

  private Ingestion newIngestion() {
    return new Ingestion(
        broker, DeviceRegistry.of(List.of()), TermDictionary.IDENTITY, Clock.systemUTC());
  }

  private static Mqtt5BlockingClient device(String name) {
    Mqtt5BlockingClient device =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(PREFIX + "-device-" + name)
            .serverHost("127.0.0.1")
            .serverPort(1883)
            .buildBlocking();
    device.connect();
    return device;
  }

  @AfterEach
  void stop() {
    store.close();
  }

  @ParameterizedTest(name = "MQTT {0}")
  @ValueSource(ints = {3, 5})
  void ingestsPlainJsonOverEitherProtocolVersion(int version) throws InterruptedException {
    MqttSettings settings = settings(version, 1883);
    try (MqttIngestion subscription = new MqttIngestion(settings, ingestion)) {
      subscription.start();
      Mqtt5BlockingClient device = device(String.valueOf(version));
      device
          .publishWith()
          .topic(PREFIX + "/test/" + ID + "/attrs")
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload(("{\"" + TEMPERATURE + "\": " + (20 + version) + "}").getBytes(UTF_8))
          .send();
      device.disconnect();

      long deadline = System.nanoTime() + 10_000_000_000L;
      while (temperature() != 20 + version && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(temperature()).isEqualTo(20 + version);
    }
  }

  @ParameterizedTest(name = "MQTT {0}")
  @ValueSource(ints = {3, 5})
  void sharedGroupIngestsEachUplinkOnceAcrossTwoNodes(int version) throws InterruptedException {
    int uplinks = 40;
    String group = "sundwerk-test-" + ProcessHandle.current().pid() + "-" + version;
    // One Ingestion per node, as on two machines, so that each node's share can be counted.
    Ingestion first = newIngestion();
    Ingestion second = newIngestion();
    try (MqttIngestion nodeA = new MqttIngestion(shared(version, group, "a"), first);
        MqttIngestion nodeB = new MqttIngestion(shared(version, group, "b"), second)) {
      nodeA.start();
      nodeB.start();
      Mqtt5BlockingClient device = device("shared-" + version);
      for (int i = 0; i < uplinks; i++) {
        device
            .publishWith()
            .topic(PREFIX + "/test/" + ID + "/attrs")
            .qos(MqttQos.AT_LEAST_ONCE)
            .payload(("{\"https://example.org/reading" + i + "\": " + i + "}").getBytes(UTF_8))
            .send();
      }
      device.disconnect();

      long deadline = System.nanoTime() + 20_000_000_000L;
      // A merge is counted just after it is visible, so wait for both.
      while ((readings() < uplinks || accepted(first, second) < uplinks)
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(readings()).isEqualTo(uplinks);
      // A second copy of any uplink, ingested by either node, would push the sum above.
      assertThat(accepted(first, second)).isEqualTo(uplinks);
      assertThat(first.metrics().accepted()).isPositive();
      assertThat(second.metrics().accepted()).isPositive();
    }
  }

  @Test
  void rejectsSharedGroupWithTopicSeparator() {
    assertThatThrownBy(() -> shared(3, "a/b", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shared group");
  }

  @Test
  void failsToStartWhenNoBrokerListens() throws Exception {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    MqttIngestion subscription = new MqttIngestion(settings(3, closedPort), ingestion);

    assertThatThrownBy(subscription::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not reachable");
  }

  private static MqttSettings settings(int version, int port) {
    return settings(version, port, PREFIX + "-ingestion-" + version, Optional.empty());
  }

  private static MqttSettings shared(int version, String group, String node) {
    return settings(version, 1883, PREFIX + "-" + node + "-" + version, Optional.of(group));
  }

  private static MqttSettings settings(
      int version, int port, String clientId, Optional<String> sharedGroup) {
    return new MqttSettings(
        "127.0.0.1",
        port,
        version,
        false,
        Optional.empty(),
        Optional.empty(),
        clientId,
        sharedGroup,
        PREFIX + "/application/+/device/+/event/up",
        PREFIX + "/v3/+/devices/+/up",
        PREFIX,
        Duration.ofSeconds(3));
  }

  private static long accepted(Ingestion first, Ingestion second) {
    return first.metrics().accepted() + second.metrics().accepted();
  }

  /** How many of the shared test's readings the entity holds. */
  private long readings() {
    return broker.entities().retrieve().handle("test", ID).attributes().keySet().stream()
        .filter(name -> name.startsWith("https://example.org/reading"))
        .count();
  }

  private int temperature() {
    return broker
        .entities()
        .retrieve()
        .handle("test", ID)
        .defaultInstance(TEMPERATURE)
        .orElseThrow()
        .value()
        .asInt();
  }
}
