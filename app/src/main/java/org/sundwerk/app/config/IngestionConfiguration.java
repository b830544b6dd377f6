package org.sundwerk.app.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.sundwerk.app.demo.DemoCity;
import org.sundwerk.broker.Broker;
import org.sundwerk.ingestion.DeviceRegistry;
import org.sundwerk.ingestion.EmbeddedMqttBroker;
import org.sundwerk.ingestion.Ingestion;
import org.sundwerk.ingestion.IngestionMetrics;
import org.sundwerk.ingestion.MqttIngestion;
import org.sundwerk.ingestion.MqttSettings;
import org.sundwerk.ingestion.Rejection;

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
      Broker broker, DeviceRegistry devices, DemoCity city, Clock clock, MeterRegistry meters) {
    Ingestion ingestion = new Ingestion(broker, devices, city.terms(), clock);
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

  /** Connects at start; a broker that cannot be reached fails the start, loudly. */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(prefix = "sundwerk.mqtt", name = "enabled", havingValue = "true")
  MqttIngestion mqttIngestion(MqttProperties mqtt, Ingestion ingestion) {
    MqttIngestion client = new MqttIngestion(settings(mqtt), ingestion);
    client.start();
    return client;
  }

  /**
   * The in-process broker; a port already taken is logged and skipped so that the platform (and its
   * webhooks) still starts.
   */
  @Bean
  @ConditionalOnProperty(
      prefix = "sundwerk.mqtt.embedded",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  EmbeddedBroker embeddedMqttBroker(MqttProperties mqtt, Ingestion ingestion) {
    MqttProperties.Embedded embedded = mqtt.embedded();
    try {
      return new EmbeddedBroker(
          Optional.of(
              EmbeddedMqttBroker.start(
                  embedded.host(), embedded.port(), settings(mqtt), ingestion)));
    } catch (java.io.UncheckedIOException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "embedded MQTT broker not started (set sundwerk.mqtt.embedded.port): " + e.getMessage());
      return new EmbeddedBroker(Optional.empty());
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
