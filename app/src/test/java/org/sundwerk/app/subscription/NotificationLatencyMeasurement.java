package org.sundwerk.app.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.broker.entity.EntityMutation;
import org.sundwerk.broker.subscription.ActiveSubscriptions;
import org.sundwerk.broker.subscription.HttpNotificationSender;
import org.sundwerk.broker.subscription.NotificationRenderer;
import org.sundwerk.broker.subscription.Notifier;
import org.sundwerk.broker.subscription.NotifierSettings;
import org.sundwerk.broker.subscription.SubscriptionJson;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.store.JdbcEntityStore;
import org.sundwerk.store.JdbcOutbox;
import org.sundwerk.store.JdbcSubscriptionStore;
import org.sundwerk.store.OutboxRecorder;
import org.sundwerk.store.StoreDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A throwaway measurement, not a check: notification latency (write submitted to notification
 * received) at a paced rate of entity writes, on the store and notifier without the HTTP API in
 * front. Prints p50/p99; asserts only that every notification arrived.
 */
class NotificationLatencyMeasurement {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final int RATE_PER_SECOND = Integer.getInteger("sundwerk.measure.rate", 1_000);
  static final int SECONDS = 10;
  static final int SUBSCRIPTIONS = 2;

  @TempDir Path data;

  @Test
  void measuresLatencyAtAPacedWriteRate() throws Exception {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    Map<String, Long> ackedAt = new ConcurrentHashMap<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          long now = System.nanoTime();
          try (InputStream in = exchange.getRequestBody()) {
            JsonNode body = JSON.readTree(in.readAllBytes());
            for (JsonNode entity : body.path("data")) {
              arrivedAt.putIfAbsent(
                  body.path("subscriptionId").asString()
                      + "|"
                      + entity.path("id").asString()
                      + "|"
                      + entity.at("/n/value").asInt(),
                  now);
            }
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/n";
    Clock clock = Clock.systemUTC();
    try (StoreDatabase database = StoreDatabase.sqlite(data)) {
      JdbcSubscriptionStore subscriptions = new JdbcSubscriptionStore(database);
      for (int s = 0; s < SUBSCRIPTIONS; s++) {
        subscriptions.create(
            "",
            SubscriptionJson.read(
                JSON.readTree(
                    """
                    {"id": "urn:ngsi-ld:Subscription:%d", "type": "Subscription",
                     "entities": [{"type": "Meter"}],
                     "notification": {"endpoint": {"uri": "%s"}}}
                    """
                        .formatted(s, url)),
                TermDictionary.IDENTITY,
                Optional.empty(),
                Instant.now()));
      }
      ActiveSubscriptions active =
          new ActiveSubscriptions(subscriptions, c -> TermDictionary.IDENTITY, clock);
      Notifier notifier =
          new Notifier(
              new JdbcOutbox(database),
              active,
              new NotificationRenderer(),
              new HttpNotificationSender(Duration.ofSeconds(2), Duration.ofSeconds(5)),
              clock,
              NotifierSettings.DEFAULTS);
      notifier.start();
      try (JdbcEntityStore store =
          new JdbcEntityStore(database, List.of(new OutboxRecorder(active, clock)))) {
        int total = RATE_PER_SECOND * SECONDS;
        List<CompletableFuture<Void>> writes = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
          long due = start + i * 1_000_000_000L / RATE_PER_SECOND;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          String id = "urn:ngsi-ld:Meter:" + (i % 100);
          int n = i;
          String key = id + "|" + n;
          sentAt.put(key, System.nanoTime());
          writes.add(
              store
                  .write("", id, current -> put(id, n, clock))
                  .thenRun(() -> ackedAt.put(key, System.nanoTime())));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (arrivedAt.size() < total * SUBSCRIPTIONS && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        long[] millis =
            arrivedAt.entrySet().stream()
                .mapToLong(
                    e -> {
                      String key = e.getKey().substring(e.getKey().indexOf('|') + 1);
                      return (e.getValue() - sentAt.get(key)) / 1_000_000;
                    })
                .sorted()
                .toArray();
        long[] afterAck =
            arrivedAt.entrySet().stream()
                .mapToLong(
                    e -> {
                      String key = e.getKey().substring(e.getKey().indexOf('|') + 1);
                      return (e.getValue() - ackedAt.get(key)) / 1_000_000;
                    })
                .sorted()
                .toArray();
        long[] ack =
            ackedAt.entrySet().stream()
                .mapToLong(e -> (e.getValue() - sentAt.get(e.getKey())) / 1_000_000)
                .sorted()
                .toArray();
        System.out.printf(
            "at %.0f writes/s x %d subscriptions (n=%d): write submitted -> notified p50 %d ms,"
                + " p99 %d ms; write acknowledged -> notified p50 %d ms, p99 %d ms;"
                + " write submitted -> acknowledged p50 %d ms, p99 %d ms%n",
            total / seconds,
            SUBSCRIPTIONS,
            millis.length,
            percentile(millis, 0.5),
            percentile(millis, 0.99),
            percentile(afterAck, 0.5),
            percentile(afterAck, 0.99),
            percentile(ack, 0.5),
            percentile(ack, 0.99));
        assertThat(arrivedAt).hasSize(total * SUBSCRIPTIONS);
      } finally {
        notifier.close();
        server.stop(0);
      }
    }
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
  }

  private static EntityMutation.Outcome<Void> put(String id, int n, Clock clock) {
    Instant now = clock.instant();
    Attribute value =
        Attribute.of(AttributeKind.PROPERTY, JsonNodeFactory.instance.numberNode(n))
            .withSystemTimes(now, now);
    return new EntityMutation.Put<>(
        new Entity(id, List.of("Meter"), List.of(), Map.of("n", List.of(value)), now, now), null);
  }
}
