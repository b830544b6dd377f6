package org.sundwerk.ingestion;

import java.util.Optional;

/**
 * Who may use the embedded MQTT broker: asked at CONNECT with the client's user name and password,
 * it answers what that client may do for the rest of its connection, or refuses the connection. The
 * app implements it with its API keys and its access decision. Implementations must be thread-safe.
 */
public interface MqttAccess {

  /** What one connected client may do. */
  interface Client {

    /** Asked once per message the client publishes on an ingestion topic. */
    UplinkPermit uplinks();

    /** Whether the client may subscribe to {@code topicFilter}. */
    boolean maySubscribe(String topicFilter);
  }

  /**
   * CONNECT with credentials. {@code password} is empty when the client sent a user name only.
   * Empty: the connection is refused (CONNACK "not authorized").
   */
  Optional<Client> connect(String username, byte[] password);

  /**
   * The rights of a client that connected without a user name, or empty when such connections are
   * refused (the default).
   */
  Optional<Client> anonymous();
}
