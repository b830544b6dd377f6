package org.sundwerk.app.crash;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.sundwerk.app.TestAdmin;
import org.sundwerk.app.process.PlatformProcess;

/**
 * Durability of acknowledged writes: the packaged platform takes creates from several clients, is
 * killed with SIGKILL mid-load, restarts on the same data directory, and must still hold every
 * entity whose create was answered 201.
 */
class CrashRecoveryIT {

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void keepsEveryAcknowledgedWriteAcrossKillNine() throws Exception {
    Path data = Files.createTempDirectory("sundwerk-crash");
    int port = freePort();
    Process first = start(data, port);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService writers = Executors.newFixedThreadPool(4);
    try {
      awaitUp(port, STARTUP, data);
      for (int w = 0; w < 4; w++) {
        int writer = w;
        writers.submit(
            () -> {
              for (int n = 0; running.get(); n++) {
                String id = "urn:ngsi-ld:Sensor:w" + writer + "-" + n;
                if (create(port, id)) {
                  acknowledged.add(id);
                }
              }
            });
      }
      // Kill mid-load once enough writes were acknowledged (a busy CI machine may be slow).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL on Linux
    } finally {
      running.set(false);
      writers.shutdown();
      writers.awaitTermination(10, TimeUnit.SECONDS);
      first.destroyForcibly();
    }
    assertThat(acknowledged)
        .as("writes acknowledged before the kill")
        .hasSizeGreaterThanOrEqualTo(300);

    Process second = start(data, port);
    try {
      awaitUp(port, STARTUP, data);
      List<String> lost = new ArrayList<>();
      for (String id : acknowledged) {
        HttpResponse<String> got =
            client.send(
                HttpRequest.newBuilder(URI.create(base(port) + "/ngsi-ld/v1/entities/" + id))
                    .header(TestAdmin.HEADER, TestAdmin.KEY)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (got.statusCode() != 200) {
          lost.add(id);
        }
      }
      assertThat(lost).as("acknowledged writes lost after kill -9").isEmpty();
    } finally {
      second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void deliversANotificationCommittedBeforeKillNineAfterRestart() throws Exception {
    Path data = Files.createTempDirectory("sundwerk-crash-notify");
    int port = freePort();
    int receiverPort = freePort();
    String entity = "urn:ngsi-ld:OffStreetParking:ozeaneum";
    Process first = start(data, port);
    try {
      awaitUp(port, STARTUP, data);
      assertThat(
              send(
                  port,
                  "POST",
                  "/ngsi-ld/v1/entities",
                  "{\"id\": \"" + entity + "\", \"type\": \"OffStreetParking\", \"free\": 100}"))
          .isEqualTo(201);
      assertThat(
              send(
                  port,
                  "POST",
                  "/ngsi-ld/v1/subscriptions",
                  "{\"type\": \"Subscription\", \"entities\": [{\"type\": \"OffStreetParking\"}],"
                      + " \"notification\": {\"format\": \"keyValues\", \"endpoint\": {\"uri\":"
                      + " \"http://127.0.0.1:"
                      + receiverPort
                      + "/notify\"}}}"))
          .isEqualTo(201);
      // The receiver is not up yet: the notification can only wait in the outbox.
      assertThat(send(port, "PATCH", "/ngsi-ld/v1/entities/" + entity + "/attrs", "{\"free\": 42}"))
          .isEqualTo(204);
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL on Linux
    } finally {
      first.destroyForcibly();
    }

    List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 0);
    receiver.createContext(
        "/notify",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    Process second = start(data, port);
    try {
      awaitUp(port, STARTUP, data);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (received.stream().noneMatch(body -> body.contains("42"))
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(received)
          .as("the notification committed with the update arrives after the restart")
          .anySatisfy(body -> assertThat(body).contains(entity).contains("42"));
    } finally {
      second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      receiver.stop(0);
    }
  }

  private int send(int port, String method, String path, String json) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create(base(port) + path))
                .header(TestAdmin.HEADER, TestAdmin.KEY)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private boolean create(int port, String id) {
    String body =
        "{\"id\": \""
            + id
            + "\", \"type\": \"Sensor\", \"value\": {\"type\": \"Property\", \"value\": 1}}";
    try {
      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base(port) + "/ngsi-ld/v1/entities"))
                  .header(TestAdmin.HEADER, TestAdmin.KEY)
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(5))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 201;
    } catch (IOException e) {
      return false; // the server died under us: this write was never acknowledged
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Process start(Path data, int port) throws IOException {
    return PlatformProcess.start(data, port, data.resolve("server-" + System.nanoTime() + ".log"));
  }
}
