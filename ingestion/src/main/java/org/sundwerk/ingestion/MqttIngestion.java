package org.sundwerk.ingestion;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Subscribes to the uplink topics on an MQTT broker (HiveMQ client, MQTT 3.1.1 or 5) and hands
 * every message to {@link Ingestion}. Reconnects automatically. Messages are received with QoS 1; a
 * redelivered copy of an uplink changes nothing ({@link Ingestion} merges each uplink once). With a
 * {@link MqttSettings#sharedGroup()} the filters are MQTT shared subscriptions; the client's
 * per-subscription callbacks fire for them too (MQTT 3.1.1 and 5, tested against Mosquitto) and see
 * the real topic, which the handlers read.
 */
public final class MqttIngestion implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(MqttIngestion.class.getName());

  private final MqttSettings settings;
  private final Ingestion ingestion;
  // The clients and lanes of the current connection, guarded by this (start and close).
  private Mqtt3AsyncClient client3;
  private Mqtt5AsyncClient client5;
  private Lanes lanes;

  /** Enough merges in flight for the store's group commit; see {@link Lanes}. */
  private static final int LANES = 32;

  private static final int LANE_CAPACITY = 256;

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
    Map<String, BiConsumer<List<String>, byte[]>> handlers =
        new TopicRoutes(settings, ingestion).byFilter();
    Lanes inFlight = new Lanes(LANES, LANE_CAPACITY);
    lanes = inFlight;
    byte[] password = settings.password().orElse("").getBytes(StandardCharsets.UTF_8);
    try {
      if (settings.version() == 5) {
        client5 = builder.useMqttVersion5().buildAsync();
        var connect = client5.connectWith().cleanStart(true);
        if (settings.username().isPresent()) {
          connect =
              connect
                  .simpleAuth()
                  .username(settings.username().get())
                  .password(password)
                  .applySimpleAuth();
        }
        await(connect.send());
        handlers.forEach(
            (filter, handler) ->
                await(
                    client5
                        .subscribeWith()
                        .topicFilter(settings.subscriptionFilter(filter))
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .callback(
                            p -> {
                              byte[] payload = p.getPayloadAsBytes();
                              inFlight.submit(
                                  p.getTopic().toString(),
                                  () -> handler.accept(p.getTopic().getLevels(), payload));
                            })
                        .send()));
      } else {
        client3 = builder.useMqttVersion3().buildAsync();
        var connect = client3.connectWith().cleanSession(true);
        if (settings.username().isPresent()) {
          connect =
              connect
                  .simpleAuth()
                  .username(settings.username().get())
                  .password(password)
                  .applySimpleAuth();
        }
        await(connect.send());
        handlers.forEach(
            (filter, handler) ->
                await(
                    client3
                        .subscribeWith()
                        .topicFilter(settings.subscriptionFilter(filter))
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .callback(
                            p -> {
                              byte[] payload = p.getPayloadAsBytes();
                              inFlight.submit(
                                  p.getTopic().toString(),
                                  () -> handler.accept(p.getTopic().getLevels(), payload));
                            })
                        .send()));
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
        "MQTT ingestion subscribed at {0}:{1} (MQTT {2}, {3})",
        settings.host(),
        String.valueOf(settings.port()),
        settings.version(),
        settings.sharedGroup().map(group -> "shared group " + group).orElse("not shared"));
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
    if (lanes != null) {
      lanes.close();
      lanes = null;
    }
  }
}
