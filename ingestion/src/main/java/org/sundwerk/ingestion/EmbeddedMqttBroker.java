package org.sundwerk.ingestion;

import io.moquette.broker.ClientDescriptor;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * The single-node default: an in-process MQTT 3.1.1 broker (Moquette) that devices and network
 * servers on this machine publish to. Every published message on an ingestion topic is handed to
 * {@link Ingestion} in the broker's thread, without a client connection in between. In memory, no
 * telemetry.
 *
 * <p>Who may connect, publish and subscribe is asked of {@link MqttAccess}: at CONNECT with the
 * client's user name and password, then per message once the ingestion knows where it writes.
 * Clients may publish on the ingestion topics only (the broker is no relay for anything else), and
 * subscribe where {@link MqttAccess.Client#maySubscribe} lets them.
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
   * @param access who may connect, publish and subscribe
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static EmbeddedMqttBroker start(
      String host, int port, MqttSettings topics, Ingestion ingestion, MqttAccess access) {
    Properties properties = new Properties();
    properties.setProperty("host", host);
    properties.setProperty("port", String.valueOf(port));
    properties.setProperty("websocket_port", "disabled");
    properties.setProperty("allow_anonymous", String.valueOf(access.anonymous().isPresent()));
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
    Clients clients = new Clients(access, server);
    try {
      server.startServer(
          new MemoryConfig(properties),
          List.of(new Listener(routes, lanes, clients)),
          null,
          clients,
          new Authorizer(routes, clients));
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
    private final Clients clients;

    Listener(TopicRoutes routes, Lanes lanes, Clients clients) {
      this.routes = routes;
      this.lanes = lanes;
      this.clients = clients;
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
      Optional<MqttAccess.Client> client = clients.of(message.getClientID(), message.getUsername());
      if (client.isPresent()) {
        routes.route(message.getTopicName(), payload, lanes, client.get().uplinks());
      }
    }

    @Override
    public void onSessionLoopError(Throwable error) {
      LOG.log(System.Logger.Level.WARNING, "embedded MQTT broker error", error);
    }
  }

  /**
   * The rights of the connected clients, by client identifier and the user name they connected
   * with. A client that connects again under the same identifier replaces its entry at CONNECT; a
   * client without a user name never finds one (Moquette passes {@code null}), so an anonymous
   * client cannot borrow the rights of one that authenticated under the same identifier before.
   * Entries of clients no longer connected are dropped once there are more than {@link
   * #SWEEP_ABOVE}. Thread-safe.
   */
  private static final class Clients implements IAuthenticator {

    private static final int SWEEP_ABOVE = 10_000;

    private record Entry(String username, MqttAccess.Client client) {}

    private final MqttAccess access;
    private final Server server;
    private final ConcurrentMap<String, Entry> byClientId = new ConcurrentHashMap<>();

    Clients(MqttAccess access, Server server) {
      this.access = access;
      this.server = server;
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
      Optional<MqttAccess.Client> client =
          access.connect(username, password == null ? new byte[0] : password);
      if (client.isEmpty()) {
        byClientId.remove(clientId);
        return false;
      }
      if (byClientId.size() > SWEEP_ABOVE) {
        sweep();
      }
      byClientId.put(clientId, new Entry(username, client.get()));
      return true;
    }

    /** The client's rights; empty for a client that may do nothing. */
    Optional<MqttAccess.Client> of(String clientId, String username) {
      if (username == null) {
        return access.anonymous();
      }
      Entry entry = byClientId.get(clientId);
      return entry != null && Objects.equals(entry.username(), username)
          ? Optional.of(entry.client())
          : Optional.empty();
    }

    private void sweep() {
      Set<String> connected =
          server.listConnectedClients().stream()
              .map(ClientDescriptor::getClientID)
              .collect(Collectors.toSet());
      byClientId.keySet().retainAll(connected);
    }
  }

  /** PUBLISH on the ingestion topics only; SUBSCRIBE as {@link MqttAccess.Client} says. */
  private static final class Authorizer implements IAuthorizatorPolicy {

    private final TopicRoutes routes;
    private final Clients clients;

    Authorizer(TopicRoutes routes, Clients clients) {
      this.routes = routes;
      this.clients = clients;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
      try {
        return clients.of(client, user).isPresent() && routes.matches(topic.toString());
      } catch (IllegalArgumentException invalidTopic) {
        return false;
      }
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
      return clients.of(client, user).map(c -> c.maySubscribe(topic.toString())).orElse(false);
    }
  }
}
