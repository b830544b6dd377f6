package org.sundwerk.ingestion;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Subscribes to the uplink topics on an MQTT broker (HiveMQ client, MQTT 3.1.1 or 5) and hands
 * every message to {@link Ingestion}. Reconnects automatically. Messages are received with QoS 1; a
 * redelivered copy is dropped by the duplicate filter.
 */
public final class MqttIngestion implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(MqttIngestion.class.getName());

  private final MqttSettings settings;
  private final Ingestion ingestion;
  private Mqtt3AsyncClient client3;
  private Mqtt5AsyncClient client5;

  public MqttIngestion(MqttSettings settings, Ingestion ingestion) {
    this.settings = settings;
    this.ingestion = ingestion;
  }

  /**
   * Connects and subscribes; returns when the subscriptions are in place.
   *
   * @throws IllegalStateException when the broker cannot be reached within the connect timeout
   */
  public synchronized void start() {
    MqttClientBuilder builder =
        MqttClient.builder()
            .identifier(settings.clientId())
            .serverHost(settings.host())
            .serverPort(settings.port())
            .automaticReconnectWithDefaultConfig();
    if (settings.tls()) {
      builder = builder.sslWithDefaultConfig();
    }
    String json = settings.jsonPrefix() + "/+/+/attrs";
    try {
      if (settings.version() == 5) {
        client5 = builder.useMqttVersion5().buildAsync();
        var connect = client5.connectWith().cleanStart(true);
        if (settings.username().isPresent()) {
          connect =
              connect
                  .simpleAuth()
                  .username(settings.username().get())
                  .password(settings.password().orElse("").getBytes(StandardCharsets.UTF_8))
                  .applySimpleAuth();
        }
        await(connect.send());
        for (String filter :
            new String[] {settings.chirpStackTopic(), settings.thingsStackTopic(), json}) {
          await(
              client5
                  .subscribeWith()
                  .topicFilter(filter)
                  .qos(MqttQos.AT_LEAST_ONCE)
                  .callback(p -> dispatch(p.getTopic().toString(), p.getPayloadAsBytes()))
                  .send());
        }
      } else {
        client3 = builder.useMqttVersion3().buildAsync();
        var connect = client3.connectWith().cleanSession(true);
        if (settings.username().isPresent()) {
          connect =
              connect
                  .simpleAuth()
                  .username(settings.username().get())
                  .password(settings.password().orElse("").getBytes(StandardCharsets.UTF_8))
                  .applySimpleAuth();
        }
        await(connect.send());
        for (String filter :
            new String[] {settings.chirpStackTopic(), settings.thingsStackTopic(), json}) {
          await(
              client3
                  .subscribeWith()
                  .topicFilter(filter)
                  .qos(MqttQos.AT_LEAST_ONCE)
                  .callback(p -> dispatch(p.getTopic().toString(), p.getPayloadAsBytes()))
                  .send());
        }
      }
    } catch (RuntimeException e) {
      close();
      throw new IllegalStateException(
          "MQTT broker "
              + settings.host()
              + ":"
              + settings.port()
              + " not reachable: "
              + e.getMessage(),
          e);
    }
    LOG.log(
        System.Logger.Level.INFO,
        "MQTT ingestion subscribed at {0}:{1} (MQTT {2})",
        settings.host(),
        String.valueOf(settings.port()),
        settings.version());
  }

  /** Routes by topic; the topic layouts are those of the network servers and the JSON prefix. */
  void dispatch(String topic, byte[] payload) {
    String[] levels = topic.split("/");
    if (levels.length == 4
        && levels[0].equals(settings.jsonPrefix())
        && levels[3].equals("attrs")) {
      ingestion.attributes(levels[1], levels[2], payload);
    } else if (topic.startsWith("v3/")) {
      ingestion.thingsStack(payload);
    } else {
      ingestion.chirpStack(payload);
    }
  }

  private void await(CompletableFuture<?> future) {
    try {
      future.get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(
          e.getCause() == null ? e.toString() : e.getCause().toString(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (client3 != null) {
      client3.disconnect();
      client3 = null;
    }
    if (client5 != null) {
      client5.disconnect();
      client5 = null;
    }
  }
}
