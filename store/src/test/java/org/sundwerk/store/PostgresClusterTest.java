package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.broker.cluster.ClusterSignals;
import org.sundwerk.broker.cluster.ClusterSignals.Topic;
import org.sundwerk.broker.cluster.Leadership;

/** Signals and leadership between two nodes (two store databases) on one PostgreSQL database. */
class PostgresClusterTest {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  private StoreDatabase nodeA;
  private StoreDatabase nodeB;

  @BeforeEach
  void open() throws SQLException {
    String url = server.newSchema();
    nodeA = server.open(url);
    nodeB = server.open(url);
  }

  @AfterEach
  void close() {
    nodeA.close();
    nodeB.close();
  }

  @Test
  void aSignalReachesTheOtherNodeButNotItsSender() throws Exception {
    try (ClusterSignals a = nodeA.openSignals();
        ClusterSignals b = nodeB.openSignals()) {
      List<Optional<String>> subscriptionsAtA = new CopyOnWriteArrayList<>();
      List<Optional<String>> subscriptionsAtB = new CopyOnWriteArrayList<>();
      List<Optional<String>> contextsAtA = new CopyOnWriteArrayList<>();
      List<Optional<String>> contextsAtB = new CopyOnWriteArrayList<>();
      a.listen(Topic.SUBSCRIPTIONS, subscriptionsAtA::add);
      b.listen(Topic.SUBSCRIPTIONS, subscriptionsAtB::add);
      a.listen(Topic.CONTEXTS, contextsAtA::add);
      b.listen(Topic.CONTEXTS, contextsAtB::add);
      // The listeners may not have subscribed yet: send until one arrives at each.
      await(
          () -> {
            a.publish(Topic.SUBSCRIPTIONS, "tenant-1");
            return !subscriptionsAtB.isEmpty();
          });
      await(
          () -> {
            b.publish(Topic.CONTEXTS, "https://example.org/1.jsonld");
            return !contextsAtA.isEmpty();
          });

      // A listener gets signals in commit order: once it got the later one of the other node,
      // it has handled (and skipped) its own earlier one.
      b.publish(Topic.CONTEXTS, "https://example.org/own.jsonld");
      a.publish(Topic.SUBSCRIPTIONS, "tenant-2");
      await(() -> subscriptionsAtB.contains(Optional.of("tenant-2")));
      b.publish(Topic.CONTEXTS, "https://example.org/2.jsonld");
      await(() -> contextsAtA.contains(Optional.of("https://example.org/2.jsonld")));

      assertThat(subscriptionsAtB)
          .contains(Optional.of("tenant-2"))
          .containsOnly(Optional.of("tenant-1"), Optional.of("tenant-2"));
      assertThat(contextsAtA).contains(Optional.of("https://example.org/2.jsonld"));
      assertThat(contextsAtB).as("B's own signals").isEmpty();
      assertThat(subscriptionsAtA).as("A's own signals").isEmpty();
    }
  }

  @Test
  void aListenerWhoseConnectionBrokeReconnectsAndIsToldItMayHaveMissedSignals() throws Exception {
    try (ClusterSignals a = nodeA.openSignals();
        ClusterSignals b = nodeB.openSignals()) {
      List<Optional<String>> atB = new CopyOnWriteArrayList<>();
      b.listen(Topic.SUBSCRIPTIONS, atB::add);
      await(
          () -> {
            a.publish(Topic.SUBSCRIPTIONS, "before");
            return !atB.isEmpty();
          });

      terminateListeners();
      await(() -> atB.contains(Optional.empty()));
      assertThat(atB).contains(Optional.empty());

      atB.clear();
      await(
          () -> {
            a.publish(Topic.SUBSCRIPTIONS, "after");
            return atB.contains(Optional.of("after"));
          });
      assertThat(atB).contains(Optional.of("after"));
    }
  }

  @Test
  void oneNodeLeadsUntilItsSessionEndsThenAnotherTakesOver() throws InterruptedException {
    Leadership a = nodeA.openLeadership(7);
    try (Leadership b = nodeB.openLeadership(7)) {
      assertThat(a.isLeader()).isTrue();
      assertThat(b.isLeader()).isFalse();
      assertThat(a.isLeader()).isTrue();

      a.close(); // as when its process dies: the session ends (the server notices shortly after)

      await(b::isLeader);
      assertThat(b.isLeader()).isTrue();
      assertThat(a.isLeader()).isFalse();
    } finally {
      a.close();
    }
  }

  @Test
  void aLeaderWhoseSessionWasEndedNoticesThatItLostTheLock() throws Exception {
    try (Leadership a = nodeA.openLeadership(7);
        Leadership b = nodeB.openLeadership(7)) {
      assertThat(a.isLeader()).isTrue();
      assertThat(b.isLeader()).isFalse();

      terminate(
          "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
              + " AND classid = 2 AND objid = 7 AND granted");

      await(b::isLeader);
      assertThat(a.isLeader()).as("the old leader, after its session ended").isFalse();
      assertThat(b.isLeader()).isTrue();
    }
  }

  private void terminate(String sql) throws SQLException {
    try (Connection connection = nodeA.readPool().getConnection();
        PreparedStatement terminate = connection.prepareStatement(sql)) {
      terminate.execute();
    }
  }

  /** Ends every session that listens for signals, as a database restart would. */
  private void terminateListeners() throws SQLException {
    try (Connection connection = nodeA.readPool().getConnection();
        PreparedStatement terminate =
            connection.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND query LIKE 'LISTEN%'")) {
      terminate.execute();
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(Duration.ofMillis(100));
    }
  }
}
