package org.sundwerk.ingestion;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The single-node default: an in-process MQTT 3.1.1 broker (Moquette) that devices and network
 * servers on this machine publish to. Every published message on an ingestion topic is handed to
 * {@link Ingestion} in the broker's thread, without a client connection in between; other clients
 * may subscribe as usual. Anonymous, in memory, no telemetry.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(EmbeddedMqttBroker.class.getName());

  /** Enough merges in flight for the store's group commit; see {@link Lanes}. */
  private static final int LANES = 32;

  private static final int LANE_CAPACITY = 256;

  private final Server server;
  private final Lanes lanes;

  private EmbeddedMqttBroker(Server server, Lanes lanes) {
    this.server = server;
    this.lanes = lanes;
  }

  /**
   * Starts the broker listening on {@code host:port}.
   *
   * @param topics the topic filters of the ingestion (only the topics are used)
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static EmbeddedMqttBroker start(
      String host, int port, MqttSettings topics, Ingestion ingestion) {
    Properties properties = new Properties();
    properties.setProperty("host", host);
    properties.setProperty("port", String.valueOf(port));
    properties.setProperty("websocket_port", "disabled");
    properties.setProperty("allow_anonymous", "true");
    // Simple devices and mosquitto_pub connect without a client identifier.
    properties.setProperty("allow_zero_byte_client_id", "true");
    properties.setProperty("persistence_enabled", "false");
    properties.setProperty("telemetry_enabled", "false");
    properties.setProperty("use_bugsnag", "false");
    properties.setProperty("use_metrics", "false");
    properties.setProperty("netty.epoll", "false");
    TopicRoutes routes = new TopicRoutes(topics, ingestion);
    Lanes lanes = new Lanes(LANES, LANE_CAPACITY);
    Server server = new Server();
    try {
      server.startServer(new MemoryConfig(properties), List.of(new Listener(routes, lanes)));
    } catch (IOException | RuntimeException e) {
      server.stopServer();
      lanes.close();
      throw new UncheckedIOException(
          new IOException("embedded MQTT broker on " + host + ":" + port + ": " + e, e));
    }
    LOG.log(
        System.Logger.Level.INFO,
        "embedded MQTT broker listens on {0}:{1}",
        host,
        String.valueOf(port));
    return new EmbeddedMqttBroker(server, lanes);
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.stopServer();
    lanes.close();
  }

  /** Moquette retains the payload for the call and releases it afterwards: only copy it here. */
  private static final class Listener extends AbstractInterceptHandler {

    private final TopicRoutes routes;
    private final Lanes lanes;

    Listener(TopicRoutes routes, Lanes lanes) {
      this.routes = routes;
      this.lanes = lanes;
    }

    @Override
    public String getID() {
      return "sundwerk-ingestion";
    }

    @Override
    public void onPublish(InterceptPublishMessage message) {
      ByteBuf buffer = message.getPayload();
      byte[] payload = new byte[buffer.readableBytes()];
      buffer.getBytes(buffer.readerIndex(), payload);
      routes.route(message.getTopicName(), payload, lanes);
    }

    @Override
    public void onSessionLoopError(Throwable error) {
      LOG.log(System.Logger.Level.WARNING, "embedded MQTT broker error", error);
    }
  }
}
