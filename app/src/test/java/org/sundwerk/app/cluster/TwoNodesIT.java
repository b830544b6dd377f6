package org.sundwerk.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sundwerk.app.process.PlatformProcess.awaitUp;
import static org.sundwerk.app.process.PlatformProcess.base;
import static org.sundwerk.app.process.PlatformProcess.freePort;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.app.TestAdmin;
import org.sundwerk.app.process.PlatformProcess;
import org.sundwerk.store.PostgresTestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two packaged app nodes, each its own process, on one fresh PostgreSQL database: what one node
 * writes the other reads, a subscription made on one fires for writes on the other, a burst of
 * updates split across both is notified exactly once, and after one node is killed with SIGKILL
 * mid-burst every acknowledged update is still notified (by the survivor, once the dead node's
 * claims have expired). The tests run in order on the same two nodes; the last one kills node A.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TYPE = "Meter";
  private static final String PROBE = "urn:ngsi-ld:Meter:probe";
  private static final int ENTITIES = 50;
  private static final int UPDATES_PER_ENTITY = 100;

  /** Short, so that the dead node's claimed notifications are taken over within the test. */
  private static final String CLAIM_LEASE = "10s";

  private static final Duration STARTUP = Duration.ofSeconds(90);

  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static Path logs;
  private static int portA;
  private static int portB;
  private static Process nodeA;
  private static Process nodeB;
  private static HttpServer receiver;
  private static int receiverPort;

  /** Deliveries per "entity id|counter" of the Meters, each element of a Notification's data. */
  private static final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

  @BeforeAll
  static void startTwoNodes() throws Exception {
    logs = Files.createTempDirectory("sundwerk-two-nodes");
    receiverPort = freePort();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 0);
    receiver.setExecutor(Executors.newFixedThreadPool(8));
    receiver.createContext(
        "/notify",
        exchange -> {
          try {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            for (JsonNode entity : body.path("data")) {
              String key = entity.path("id").asString() + "|" + entity.path("counter").asInt();
              deliveries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
          } finally {
            exchange.close();
          }
        });
    receiver.start();
    portA = freePort();
    portB = freePort();
    nodeA = start("a", portA);
    nodeB = start("b", portB);
    awaitUp(portA, STARTUP, logs);
    awaitUp(portB, STARTUP, logs);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    for (Process node : new Process[] {nodeA, nodeB}) {
      if (node != null) {
        node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  @Order(1)
  void anEntityCreatedOnOneNodeIsReadOnTheOther() throws Exception {
    assertThat(send(portA, "POST", "/ngsi-ld/v1/entities", meter(PROBE, 0))).isEqualTo(201);

    HttpResponse<String> read =
        client.send(
            HttpRequest.newBuilder(URI.create(base(portB) + "/ngsi-ld/v1/entities/" + PROBE))
                .header(TestAdmin.HEADER, TestAdmin.KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains(PROBE);
    // The same id created on the other node is taken.
    assertThat(send(portB, "POST", "/ngsi-ld/v1/entities", meter(PROBE, 0))).isEqualTo(409);
  }

  @Test
  @Order(2)
  void aSubscriptionMadeOnOneNodeFiresForWritesOnTheOther() throws Exception {
    String subscription =
        """
        {"type": "Subscription", "entities": [{"type": "%s"}],
         "notification": {"format": "keyValues",
                          "endpoint": {"uri": "http://127.0.0.1:%d/notify"}}}
        """
            .formatted(TYPE, receiverPort);
    assertThat(send(portB, "POST", "/ngsi-ld/v1/subscriptions", subscription)).isEqualTo(201);

    // Node A learns of the subscription through a signal, shortly after B committed it: update
    // the probe on A until one of its updates is notified.
    int value = 1;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!delivered(PROBE, value) && System.nanoTime() < deadline) {
      value++;
      assertThat(patch(portA, PROBE, value)).isEqualTo(204);
      int expected = value;
      await(Duration.ofSeconds(2), () -> delivered(PROBE, expected));
    }
    assertThat(delivered(PROBE, value)).as("a write on A notified B's subscription").isTrue();
  }

  @Test
  @Order(3)
  void aBurstSplitAcrossHealthyNodesIsNotifiedExactlyOnce() throws Exception {
    createMeters();
    long start = System.nanoTime();
    Set<String> acknowledged = burst(1, null);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf(
        "healthy burst: %d updates in %d ms (%d/s) through two nodes%n",
        acknowledged.size(), millis, acknowledged.size() * 1000L / Math.max(millis, 1));

    assertThat(acknowledged).hasSize(ENTITIES * UPDATES_PER_ENTITY);
    await(Duration.ofSeconds(90), () -> missing(acknowledged).isEmpty() && outboxEmpty());
    int total = acknowledged.stream().mapToInt(TwoNodesIT::deliveriesOf).sum();
    System.out.printf(
        "healthy burst: %d updates acknowledged, %d distinct notified, %d deliveries%n",
        acknowledged.size(), acknowledged.size() - missing(acknowledged).size(), total);
    assertThat(missing(acknowledged)).as("acknowledged updates never notified").isEmpty();
    assertThat(total).as("deliveries of the acknowledged updates").isEqualTo(acknowledged.size());
  }

  @Test
  @Order(4)
  void everyAcknowledgedUpdateIsNotifiedAfterANodeIsKilledMidBurst() throws Exception {
    Set<String> acknowledged = burst(UPDATES_PER_ENTITY + 1, ENTITIES * UPDATES_PER_ENTITY / 2);
    long afterBurst = System.nanoTime();

    await(Duration.ofSeconds(90), () -> missing(acknowledged).isEmpty());
    System.out.printf(
        "all acknowledged updates notified %d ms after the burst ended (claim lease %s)%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - afterBurst), CLAIM_LEASE);
    int total = acknowledged.stream().mapToInt(TwoNodesIT::deliveriesOf).sum();
    System.out.printf(
        "burst with node A killed: %d updates acknowledged, %d distinct notified,"
            + " %d deliveries%n",
        acknowledged.size(), acknowledged.size() - missing(acknowledged).size(), total);
    assertThat(acknowledged).hasSizeGreaterThan(ENTITIES * UPDATES_PER_ENTITY / 2);
    assertThat(missing(acknowledged)).as("acknowledged updates never notified").isEmpty();
  }

  private static void createMeters() throws Exception {
    for (int e = 0; e < ENTITIES; e++) {
      int port = e % 2 == 0 ? portA : portB;
      assertThat(send(port, "POST", "/ngsi-ld/v1/entities", meter(meterId(e), 0))).isEqualTo(201);
    }
  }

  /**
   * Sets the counter of every Meter to {@code first}, {@code first + 1}, ... ({@value
   * #UPDATES_PER_ENTITY} values each), the updates of one Meter in order, alternating between the
   * nodes, from eight client threads. If {@code killAfter} is given, node A is killed with SIGKILL
   * once that many updates were acknowledged; updates sent to it afterwards fail.
   *
   * @return "id|counter" of every update answered 204
   */
  private static Set<String> burst(int first, Integer killAfter) throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int e = 0; e < ENTITIES; e++) {
      int entity = e;
      done.add(
          clients.submit(
              () -> {
                for (int v = first; v < first + UPDATES_PER_ENTITY; v++) {
                  int port = (entity + v) % 2 == 0 ? portA : portB;
                  if (patchQuietly(port, meterId(entity), v) == 204) {
                    acknowledged.add(meterId(entity) + "|" + v);
                  }
                }
                return null;
              }));
    }
    if (killAfter != null) {
      await(Duration.ofSeconds(60), () -> acknowledged.size() >= killAfter);
      nodeA.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL on Linux
      System.out.printf("killed node A after %d acknowledged updates%n", acknowledged.size());
    }
    for (Future<?> future : done) {
      future.get(2, TimeUnit.MINUTES);
    }
    clients.shutdown();
    return acknowledged;
  }

  private static List<String> missing(Set<String> acknowledged) {
    return acknowledged.stream().filter(key -> deliveriesOf(key) == 0).toList();
  }

  private static int deliveriesOf(String key) {
    AtomicInteger count = deliveries.get(key);
    return count == null ? 0 : count.get();
  }

  private static boolean delivered(String id, int value) {
    return deliveriesOf(id + "|" + value) > 0;
  }

  /** No notification left to settle: nothing more can be sent. */
  private static boolean outboxEmpty() {
    try (Connection connection = DriverManager.getConnection(server.url());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox")) {
      rows.next();
      return rows.getLong(1) == 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String meterId(int n) {
    return "urn:ngsi-ld:Meter:m" + n;
  }

  private static String meter(String id, int counter) {
    return "{\"id\": \"%s\", \"type\": \"%s\", \"counter\": %d}".formatted(id, TYPE, counter);
  }

  private static int patch(int port, String id, int value) throws Exception {
    return send(
        port, "PATCH", "/ngsi-ld/v1/entities/" + id + "/attrs", "{\"counter\": " + value + "}");
  }

  /** The status of the update, or 0 if the node did not answer (it was killed). */
  private static int patchQuietly(int port, String id, int value) {
    try {
      return patch(port, id, value);
    } catch (IOException e) {
      return 0;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int send(int port, String method, String path, String json) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create(base(port) + path))
                .header(TestAdmin.HEADER, TestAdmin.KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static Process start(String name, int port) throws IOException {
    return PlatformProcess.start(
        Files.createDirectories(logs.resolve(name)),
        port,
        logs.resolve(name + ".log"),
        "--sundwerk.db-url=" + server.url(),
        "--sundwerk.notifications.claim-lease=" + CLAIM_LEASE);
  }

  /** Polls until the condition holds or the timeout passes; the caller asserts afterwards. */
  private static void await(Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }
}
