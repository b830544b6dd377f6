package org.sundwerk.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.broker.Broker;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.store.JdbcEntityStore;
import tools.jackson.databind.node.JsonNodeFactory;

/** A device publishing to the embedded broker reaches the entity, with no external broker. */
class EmbeddedMqttBrokerTest {

  private static final String ID = "urn:ngsi-ld:WeatherObserved:stralsund:hafen";
  private static final String TEMPERATURE = "https://example.org/temperature";

  @TempDir Path data;
  private JdbcEntityStore store;
  private Broker broker;
  private EmbeddedMqttBroker mqtt;
  private int port;

  @BeforeEach
  void start() throws IOException {
    store = new JdbcEntityStore(data);
    Clock clock = Clock.fixed(Instant.parse("2026-07-18T12:00:00Z"), ZoneOffset.UTC);
    broker = Broker.create(store, clock, 100);
    broker
        .entities()
        .create()
        .handle(
            "stralsund",
            new Entity(
                ID,
                List.of("https://example.org/WeatherObserved"),
                List.of(),
                Map.of(
                    TEMPERATURE,
                    List.of(
                        Attribute.of(
                            AttributeKind.PROPERTY, JsonNodeFactory.instance.numberNode(10)))),
                null,
                null));
    Ingestion ingestion =
        new Ingestion(broker, DeviceRegistry.of(List.of()), TermDictionary.IDENTITY, clock);
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    mqtt =
        EmbeddedMqttBroker.start(
            "127.0.0.1",
            port,
            MqttSettings.local("127.0.0.1", port, "unused"),
            ingestion,
            TrustingMqttAccess.INSTANCE);
  }

  @AfterEach
  void stop() {
    mqtt.close();
    store.close();
  }

  @Test
  void ingestsPlainJsonPublishedByADevice() throws InterruptedException {
    Mqtt3BlockingClient device =
        MqttClient.builder()
            .useMqttVersion3()
            .identifier("device-1")
            .serverHost("127.0.0.1")
            .serverPort(port)
            .buildBlocking();
    device.connect();
    device
        .publishWith()
        .topic("sundwerk/stralsund/" + ID + "/attrs")
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload("{\"https://example.org/temperature\": 21.5}".getBytes(StandardCharsets.UTF_8))
        .send();
    device.disconnect();

    long deadline = System.nanoTime() + 10_000_000_000L;
    while (temperature() != 21.5 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(temperature()).isEqualTo(21.5);
  }

  @Test
  void refusesAPortThatIsTaken() {
    assertThatThrownBy(
            () ->
                EmbeddedMqttBroker.start(
                    "127.0.0.1",
                    port,
                    MqttSettings.local("127.0.0.1", port, "unused"),
                    new Ingestion(
                        broker,
                        DeviceRegistry.of(List.of()),
                        TermDictionary.IDENTITY,
                        Clock.systemUTC()),
                    TrustingMqttAccess.INSTANCE))
        .isInstanceOf(UncheckedIOException.class);
  }

  private double temperature() {
    return broker
        .entities()
        .retrieve()
        .handle("stralsund", ID)
        .defaultInstance(TEMPERATURE)
        .orElseThrow()
        .value()
        .asDouble();
  }
}
