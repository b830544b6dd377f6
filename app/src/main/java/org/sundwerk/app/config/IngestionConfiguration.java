package org.sundwerk.app.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.sundwerk.access.key.KeyActors;
import org.sundwerk.app.ingestion.IngestionAccess;
import org.sundwerk.app.security.AccessGate;
import org.sundwerk.broker.Broker;
import org.sundwerk.ingestion.DeviceRegistry;
import org.sundwerk.ingestion.EmbeddedMqttBroker;
import org.sundwerk.ingestion.Ingestion;
import org.sundwerk.ingestion.IngestionMetrics;
import org.sundwerk.ingestion.MqttIngestion;
import org.sundwerk.ingestion.MqttSettings;
import org.sundwerk.ingestion.Rejection;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Device ingestion: the registry, the ingestion entry point (used by the webhooks, MQTT and the
 * simulator), its counters as Micrometer meters, the embedded MQTT broker (on by default) and, when
 * {@code sundwerk.mqtt.enabled}, the subscription to an external MQTT broker.
 */
@Configuration(proxyBeanMethods = false)
class IngestionConfiguration {

  private static final System.Logger LOG = System.getLogger(IngestionConfiguration.class.getName());

  @Bean
  DeviceRegistry deviceRegistry(IngestionProperties properties, ResourceLoader resources) {
    try {
      return DeviceRegistry.read(resources.getResource(properties.devices()).getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("device registry " + properties.devices(), e);
    }
  }

  @Bean
  Ingestion ingestion(
      Broker broker,
      DeviceRegistry devices,
      ContextResolver contexts,
      Clock clock,
      IngestionProperties properties,
      MeterRegistry meters) {
    ArrayNode context = JsonNodeFactory.instance.arrayNode();
    properties.context().forEach(context::add);
    Ingestion ingestion = new Ingestion(broker, devices, contexts.resolve(context), clock);
    IngestionMetrics metrics = ingestion.metrics();
    String name = "sundwerk.ingestion.messages";
    FunctionCounter.builder(name, metrics, IngestionMetrics::accepted)
        .tag("result", "accepted")
        .tag("reason", "none")
        .register(meters);
    FunctionCounter.builder(name, metrics, IngestionMetrics::duplicates)
        .tag("result", "duplicate")
        .tag("reason", "none")
        .register(meters);
    for (Rejection reason : Rejection.values()) {
      FunctionCounter.builder(name, metrics, m -> m.rejected(reason))
          .tag("result", "rejected")
          .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
          .register(meters);
    }
    return ingestion;
  }

  /** Who may send device messages through the webhooks and the embedded MQTT broker. */
  @Bean
  IngestionAccess ingestionAccess(AccessGate gate, KeyActors keys, Broker broker) {
    return new IngestionAccess(gate, keys, broker);
  }

  /**
   * Connects at start; a broker that cannot be reached fails the start, loudly. Its messages are
   * trusted: the external broker's ACLs decide who may publish on its ingestion topics.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(prefix = "sundwerk.mqtt", name = "enabled", havingValue = "true")
  MqttIngestion mqttIngestion(MqttProperties mqtt, Ingestion ingestion) {
    MqttIngestion client = new MqttIngestion(settings(mqtt), ingestion);
    client.start();
    return client;
  }

  /**
   * The in-process broker. A port already taken is one warning line that says which setting moves
   * it, and the platform (API, webhooks, portal) starts without the broker: it is a convenience for
   * devices on this machine, and a second instance on another {@code server.port} is common.
   */
  @Bean
  @ConditionalOnProperty(
      prefix = "sundwerk.mqtt.embedded",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  EmbeddedBroker embeddedMqttBroker(
      MqttProperties mqtt, Ingestion ingestion, IngestionAccess access) {
    MqttProperties.Embedded embedded = mqtt.embedded();
    String address = embedded.host() + ":" + embedded.port();
    // Checked before Moquette binds: it logs a failed bind with a stack trace of its own.
    if (inUse(embedded.host(), embedded.port())) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Embedded MQTT broker not started: "
              + address
              + " is already in use; move it with sundwerk.mqtt.embedded.port"
              + " (SUNDWERK_MQTT_EMBEDDED_PORT) or switch it off with"
              + " sundwerk.mqtt.embedded.enabled=false");
      return new EmbeddedBroker(Optional.empty());
    }
    try {
      return new EmbeddedBroker(
          Optional.of(
              EmbeddedMqttBroker.start(
                  embedded.host(),
                  embedded.port(),
                  settings(mqtt),
                  ingestion,
                  access.mqtt(embedded.allowAnonymous()))));
    } catch (java.io.UncheckedIOException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "Embedded MQTT broker not started on "
              + address
              + " (sundwerk.mqtt.embedded.host and .port): "
              + e.getMessage());
      return new EmbeddedBroker(Optional.empty());
    }
  }

  /** Whether another socket holds the address; port 0 (any free port) never is. */
  private static boolean inUse(String host, int port) {
    if (port == 0) {
      return false;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(host, port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Holds the embedded broker, if it started, and stops it with the context. */
  record EmbeddedBroker(Optional<EmbeddedMqttBroker> broker) implements AutoCloseable {
    @Override
    public void close() {
      broker.ifPresent(EmbeddedMqttBroker::close);
    }
  }

  private static MqttSettings settings(MqttProperties mqtt) {
    return new MqttSettings(
        mqtt.host(),
        mqtt.port(),
        mqtt.version(),
        mqtt.tls(),
        Optional.of(mqtt.username()).filter(s -> !s.isBlank()),
        Optional.of(mqtt.password()).filter(s -> !s.isBlank()),
        mqtt.clientId(),
        Optional.of(mqtt.sharedGroup()).filter(s -> !s.isBlank()),
        mqtt.chirpstackTopic(),
        mqtt.ttnTopic(),
        mqtt.prefix(),
        mqtt.connectTimeout());
  }
}
