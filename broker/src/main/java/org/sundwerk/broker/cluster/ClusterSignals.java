package org.sundwerk.broker.cluster;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tells the other nodes on the same database that something they cache has changed, so that they
 * invalidate it. Signals are sent after the change committed and may be lost while a node is cut
 * off from the database; a node that may have missed some is told so with an empty payload, and
 * then reloads everything of the topic. A node is not sent its own signals. Where one node owns the
 * database, {@link #NONE} does nothing. Implementations are thread-safe.
 */
public interface ClusterSignals extends AutoCloseable {

  /** What changed. */
  enum Topic {
    /** The subscriptions of the tenant in the payload. */
    SUBSCRIPTIONS,
    /** The context with the URL in the payload was deleted or changed. */
    CONTEXTS,
    /** The API key with the id in the payload was revoked. */
    API_KEYS,
    /** The roles of the account with the id in the payload changed, or it was deleted. */
    ACCOUNTS
  }

  /** The signals of a node that has no other nodes. */
  ClusterSignals NONE =
      new ClusterSignals() {
        @Override
        public void publish(Topic topic, String payload) {}

        @Override
        public void listen(Topic topic, Consumer<Optional<String>> listener) {}
      };

  /** Tells the other nodes; call after the change committed. Never fails the caller. */
  void publish(Topic topic, String payload);

  /**
   * Runs {@code listener} on a background thread for each signal of {@code topic} from another node
   * (its payload), and with an empty payload when signals may have been missed.
   */
  void listen(Topic topic, Consumer<Optional<String>> listener);

  /** Stops listening. */
  @Override
  default void close() {}
}
