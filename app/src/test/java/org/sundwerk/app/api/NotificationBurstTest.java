package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * At-least-once delivery under load: a burst of 10,000 entity updates matched by 10 subscriptions
 * must reach the receivers as 100,000 data entries, also while one endpoint fails for part of the
 * burst. Prints the duplicates and the notification latency (update request sent to first arrival,
 * healthy endpoint only).
 */
class NotificationBurstTest extends ApiTest {

  static final int ENTITIES_IN_BURST = 50;
  static final int UPDATES_PER_ENTITY = 200;
  static final int SUBSCRIPTIONS = 10;

  @Test
  void deliversEveryNotificationOfABurstWhileOneEndpointFailsForAWhile() throws Exception {
    try (Receiver healthy = new Receiver(false);
        Receiver flaky = new Receiver(false)) {
      for (int i = 0; i < ENTITIES_IN_BURST; i++) {
        http.post(
            ENTITIES, "{\"id\": \"urn:ngsi-ld:Meter:" + i + "\", \"type\": \"Meter\", \"n\": -1}");
      }
      for (int s = 0; s < SUBSCRIPTIONS; s++) {
        Receiver target = s == 0 ? flaky : healthy;
        Http.Response created =
            http.post(
                "/ngsi-ld/v1/subscriptions",
                """
                {"type": "Subscription", "entities": [{"type": "Meter"}],
                 "notificationTrigger": ["attributeUpdated"],
                 "notification": {"endpoint": {"uri": "%s"}}}
                """
                    .formatted(target.url("/s" + s)));
        assertThat(created.status()).isEqualTo(201);
      }
      flaky.failWith(500);
      Map<String, Long> sentAt = new ConcurrentHashMap<>();
      AtomicInteger done = new AtomicInteger();
      long start = System.nanoTime();
      try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < ENTITIES_IN_BURST; i++) {
          int entity = i;
          futures.add(
              clients.submit(
                  () -> {
                    String url = ENTITIES + "/urn:ngsi-ld:Meter:" + entity + "/attrs";
                    for (int n = 0; n < UPDATES_PER_ENTITY; n++) {
                      sentAt.put("urn:ngsi-ld:Meter:" + entity + "|" + n, System.nanoTime());
                      Http.Response response = http.patch(url, "{\"n\": " + n + "}");
                      assertThat(response.status()).isEqualTo(204);
                      if (done.incrementAndGet() == ENTITIES_IN_BURST * UPDATES_PER_ENTITY / 2) {
                        flaky.succeed();
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> future : futures) {
          future.get();
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int updates = ENTITIES_IN_BURST * UPDATES_PER_ENTITY;
      int expected = updates * SUBSCRIPTIONS;
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (received(healthy, flaky) < expected && System.nanoTime() < deadline) {
        Receiver.sleep(100);
      }
      double drained = (System.nanoTime() - start) / 1e9;

      int distinct = healthy.counts().size() + flaky.counts().size();
      long total = received(healthy, flaky);
      System.out.printf(
          "burst: %d updates in %.1f s (%.0f/s), %d notifications expected, %d distinct received,"
              + " %d duplicates, %d refused by the failing endpoint, all delivered after %.1f s%n",
          updates,
          seconds,
          updates / seconds,
          expected,
          distinct,
          total - distinct,
          flaky.refused(),
          drained);
      printLatency(healthy, sentAt);
      assertThat(distinct).isEqualTo(expected);
      assertThat(flaky.refused()).isPositive();
    }
  }

  private static long received(Receiver... receivers) {
    long total = 0;
    for (Receiver receiver : receivers) {
      for (AtomicInteger count : receiver.counts().values()) {
        total += count.get();
      }
    }
    return total;
  }

  private static void printLatency(Receiver receiver, Map<String, Long> sentAt) {
    List<Long> millis = new ArrayList<>();
    receiver
        .firstArrival()
        .forEach(
            (key, arrived) -> {
              String update = key.substring(key.indexOf('|') + 1);
              Long sent = sentAt.get(update);
              if (sent != null) {
                millis.add((arrived - sent) / 1_000_000);
              }
            });
    long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return;
    }
    System.out.printf(
        "latency (update sent -> notification received, healthy endpoint, n=%d): p50 %d ms,"
            + " p99 %d ms, max %d ms%n",
        sorted.length,
        sorted[sorted.length / 2],
        sorted[(int) (sorted.length * 0.99)],
        Arrays.stream(sorted).max().orElse(0));
  }
}
