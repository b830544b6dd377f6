package org.sundwerk.broker.subscription;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * MQTT notifications (Annex on the MQTT binding): {@code mqtt://[user:password@]host[:port]/topic}
 * publishes to {@code topic} a JSON message {@code {"metadata": {...headers}, "body":
 * Notification}}. {@code notifierInfo} {@code MQTT-Version} ({@code mqtt3.1.1} by default or {@code
 * mqtt5.0}) and {@code MQTT-QoS} (0 by default, 1 or 2) choose the protocol and quality of service.
 *
 * <p>One connection per broker, version and user, opened on first use and reused; it reconnects on
 * the next send after a failure. Thread-safe.
 */
public final class MqttNotificationSender implements NotificationSender, AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Duration timeout;
  private final ConcurrentHashMap<String, Connection> connections = new ConcurrentHashMap<>();

  /**
   * @param timeout how long connecting and publishing may take each
   */
  public MqttNotificationSender(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public void send(
      String tenant, Subscription.Endpoint endpoint, NotificationRenderer.Rendered rendered)
      throws IOException {
    URI uri = endpoint.uri();
    String topic = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (topic.isEmpty()) {
      throw new IOException("the MQTT endpoint " + uri + " names no topic");
    }
    String version = endpoint.notifierInfo().getOrDefault("MQTT-Version", "mqtt3.1.1");
    int qos;
    try {
      qos = Integer.parseInt(endpoint.notifierInfo().getOrDefault("MQTT-QoS", "0"));
    } catch (NumberFormatException e) {
      throw new IOException("MQTT-QoS must be 0, 1 or 2", e);
    }
    MqttQos level = MqttQos.fromCode(qos);
    if (level == null) {
      throw new IOException("MQTT-QoS must be 0, 1 or 2");
    }
    byte[] payload = message(tenant, endpoint, rendered);
    Connection connection =
        connections.computeIfAbsent(version + "|" + uri.getAuthority(), k -> connect(uri, version));
    await(connection.publish(topic, level, payload), "publishing to " + uri);
  }

  private byte[] message(
      String tenant, Subscription.Endpoint endpoint, NotificationRenderer.Rendered rendered) {
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    ObjectNode metadata = message.putObject("metadata");
    metadata.put("Content-Type", rendered.contentType());
    rendered
        .link()
        .ifPresent(
            url ->
                metadata.put(
                    "Link",
                    "<"
                        + url
                        + ">; rel=\"http://www.w3.org/ns/json-ld#context\";"
                        + " type=\"application/ld+json\""));
    if (!tenant.isEmpty()) {
      metadata.put("NGSILD-Tenant", tenant);
    }
    endpoint.receiverInfo().forEach(metadata::put);
    JsonNode body = JSON.readTree(rendered.body());
    message.set("body", body);
    return JSON.writeValueAsBytes(message);
  }

  private Connection connect(URI uri, String version) {
    boolean tls = uri.getScheme().toLowerCase(Locale.ROOT).equals("mqtts");
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
    String[] user = uri.getUserInfo() == null ? new String[0] : uri.getUserInfo().split(":", 2);
    String id = "sundwerk-notifier-" + UUID.randomUUID();
    return switch (version) {
      case "mqtt5.0" -> {
        var builder =
            MqttClient.builder().useMqttVersion5().identifier(id).serverHost(uri.getHost());
        builder = builder.serverPort(port);
        if (tls) {
          builder = builder.sslWithDefaultConfig();
        }
        yield new Connection5(builder.buildAsync(), user);
      }
      default -> {
        var builder =
            MqttClient.builder().useMqttVersion3().identifier(id).serverHost(uri.getHost());
        builder = builder.serverPort(port);
        if (tls) {
          builder = builder.sslWithDefaultConfig();
        }
        yield new Connection3(builder.buildAsync(), user);
      }
    };
  }

  private void await(CompletableFuture<?> future, String what) throws IOException {
    try {
      future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      throw new IOException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new IOException(what + " timed out", e);
    }
  }

  @Override
  public void close() {
    connections.values().forEach(Connection::disconnect);
    connections.clear();
  }

  /** A client of one broker that connects before publishing when it is not connected. */
  private abstract class Connection {
    abstract boolean connected();

    abstract CompletableFuture<?> connect();

    abstract CompletableFuture<?> doPublish(String topic, MqttQos qos, byte[] payload);

    abstract void disconnect();

    CompletableFuture<?> publish(String topic, MqttQos qos, byte[] payload) throws IOException {
      synchronized (this) {
        if (!connected()) {
          await(connect(), "connecting to the MQTT broker");
        }
      }
      return doPublish(topic, qos, payload);
    }
  }

  private final class Connection3 extends Connection {
    private final Mqtt3AsyncClient client;
    private final String[] user;

    Connection3(Mqtt3AsyncClient client, String[] user) {
      this.client = client;
      this.user = user;
    }

    @Override
    boolean connected() {
      return client.getState().isConnected();
    }

    @Override
    CompletableFuture<?> connect() {
      var connect = client.connectWith().cleanSession(true);
      if (user.length > 0) {
        return connect
            .simpleAuth()
            .username(user[0])
            .password(password(user))
            .applySimpleAuth()
            .send();
      }
      return connect.send();
    }

    @Override
    CompletableFuture<?> doPublish(String topic, MqttQos qos, byte[] payload) {
      return client.publishWith().topic(topic).qos(qos).payload(payload).send();
    }

    @Override
    void disconnect() {
      client.disconnect();
    }
  }

  private final class Connection5 extends Connection {
    private final Mqtt5AsyncClient client;
    private final String[] user;

    Connection5(Mqtt5AsyncClient client, String[] user) {
      this.client = client;
      this.user = user;
    }

    @Override
    boolean connected() {
      return client.getState().isConnected();
    }

    @Override
    CompletableFuture<?> connect() {
      var connect = client.connectWith().cleanStart(true);
      if (user.length > 0) {
        return connect
            .simpleAuth()
            .username(user[0])
            .password(password(user))
            .applySimpleAuth()
            .send();
      }
      return connect.send();
    }

    @Override
    CompletableFuture<?> doPublish(String topic, MqttQos qos, byte[] payload) {
      return client
          .publishWith()
          .topic(topic)
          .qos(qos)
          .payload(payload)
          .contentType("application/json")
          .send();
    }

    @Override
    void disconnect() {
      client.disconnect();
    }
  }

  private static byte[] password(String[] user) {
    return (user.length > 1 ? user[1] : "").getBytes(StandardCharsets.UTF_8);
  }
}
