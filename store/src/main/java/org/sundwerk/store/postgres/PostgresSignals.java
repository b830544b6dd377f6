package org.sundwerk.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sundwerk.broker.cluster.ClusterSignals;

/**
 * {@link ClusterSignals} with PostgreSQL {@code LISTEN}/{@code NOTIFY}: one channel per topic
 * ({@code sundwerk_subscriptions}, ...), payload {@code <node id> <payload>} so that a node skips
 * its own. A daemon thread listens on a connection of its own; when that connection breaks (a
 * database restart) it reconnects every second until it succeeds and then tells every listener with
 * an empty payload, since signals sent in between are lost. Published through a pooled connection;
 * {@code NOTIFY} is delivered when it commits, i.e. at once in auto-commit.
 */
public final class PostgresSignals implements ClusterSignals {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresSignals.class);

  /** How long one wait for notifications blocks; bounds how late {@link #close()} is noticed. */
  private static final int WAIT_MILLIS = 500;

  private static final long RECONNECT_MILLIS = 1_000;

  /** Opens a new connection to the database. */
  @FunctionalInterface
  public interface Connector {
    Connection open() throws SQLException;
  }

  private final Connector connector;
  private final DataSource pool;
  private final String node = UUID.randomUUID().toString();
  private final Map<Topic, List<Consumer<Optional<String>>>> listeners = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * Starts listening at once.
   *
   * @param connector opens the listening connection (again after it broke)
   * @param pool connections to publish with
   */
  public PostgresSignals(Connector connector, DataSource pool) {
    this.connector = connector;
    this.pool = pool;
    this.thread =
        Thread.ofPlatform().name("sundwerk-cluster-signals").daemon().unstarted(this::listenLoop);
    thread.start();
  }

  @Override
  public void publish(Topic topic, String payload) {
    try (Connection connection = pool.getConnection();
        PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, channel(topic));
      notify.setString(2, node + " " + payload);
      notify.execute();
    } catch (SQLException e) {
      // The other nodes keep a stale cache until they next reload: log, do not fail the write.
      LOG.warn("signalling {} {} to the other nodes failed", topic, payload, e);
    }
  }

  @Override
  public void listen(Topic topic, Consumer<Optional<String>> listener) {
    listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
  }

  private void listenLoop() {
    boolean first = true;
    while (running) {
      try (Connection connection = connector.open()) {
        try (Statement listen = connection.createStatement()) {
          for (Topic topic : Topic.values()) {
            listen.execute("LISTEN " + channel(topic));
          }
        }
        if (!first) {
          LOG.info("listening to the other nodes again; reloading what they may have changed");
          for (Topic topic : Topic.values()) {
            dispatch(topic, Optional.empty());
          }
        }
        first = false;
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
          if (received == null) {
            continue;
          }
          for (PGNotification notification : received) {
            receive(notification);
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.warn("listening to the other nodes failed; reconnecting", e);
          first = false;
          sleep(RECONNECT_MILLIS);
        }
      }
    }
  }

  private void receive(PGNotification notification) {
    String text = notification.getParameter();
    int space = text.indexOf(' ');
    if (space < 0 || text.substring(0, space).equals(node)) {
      return;
    }
    for (Topic topic : Topic.values()) {
      if (channel(topic).equals(notification.getName())) {
        dispatch(topic, Optional.of(text.substring(space + 1)));
      }
    }
  }

  private void dispatch(Topic topic, Optional<String> payload) {
    for (Consumer<Optional<String>> listener : listeners.getOrDefault(topic, List.of())) {
      try {
        listener.accept(payload);
      } catch (RuntimeException e) {
        LOG.warn("handling signal {} {} failed", topic, payload, e);
      }
    }
  }

  private static String channel(Topic topic) {
    return "sundwerk_" + topic.name().toLowerCase(Locale.ROOT);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(2 * WAIT_MILLIS + RECONNECT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
