package org.sundwerk.app.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A notification receiver for tests: a JDK HTTP server on a free port of 127.0.0.1 that keeps every
 * Notification it accepts. It can be told to answer 500 to simulate a failing endpoint.
 */
final class Receiver implements AutoCloseable {

  /** One received POST. */
  record Received(JsonNode body, Map<String, List<String>> headers, Instant at) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst()
          .map(e -> e.getValue().getFirst())
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicLong refused = new AtomicLong();
  private final boolean keepBodies;
  private final Map<String, AtomicInteger> countsById = new ConcurrentHashMap<>();
  private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();

  Receiver() {
    this(true);
  }

  /**
   * @param keepBodies false for load tests: only count data entries (see {@link #counts()})
   */
  Receiver(boolean keepBodies) {
    this.keepBodies = keepBodies;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          byte[] bytes;
          try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
          }
          int code = status.get();
          if (code / 100 == 2) {
            JsonNode body = Http.MAPPER.readTree(bytes);
            if (keepBodies) {
              received.add(
                  new Received(body, Map.copyOf(exchange.getRequestHeaders()), Instant.now()));
            }
            long now = System.nanoTime();
            String subscription = body.path("subscriptionId").asString();
            for (JsonNode entity : body.path("data")) {
              String key =
                  subscription + "|" + entity.path("id").asString() + "|" + entity.at("/n/value");
              countsById.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
              firstArrival.putIfAbsent(key, now);
            }
          } else {
            refused.incrementAndGet();
          }
          exchange.sendResponseHeaders(code, -1);
          exchange.close();
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void failWith(int code) {
    status.set(code);
  }

  void succeed() {
    status.set(200);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** Data entries received per "subscriptionId|entityId|value of n" (load tests). */
  Map<String, AtomicInteger> counts() {
    return countsById;
  }

  /** {@link System#nanoTime()} of the first arrival of each {@link #counts()} key. */
  Map<String, Long> firstArrival() {
    return firstArrival;
  }

  long refused() {
    return refused.get();
  }

  /** The data entries of all notifications received so far. */
  List<JsonNode> data() {
    List<JsonNode> data = new ArrayList<>();
    for (Received r : received) {
      r.body().path("data").forEach(data::add);
    }
    return data;
  }

  /** Waits until some received data entry satisfies {@code condition}; fails after the timeout. */
  JsonNode awaitData(Predicate<JsonNode> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode entry : data()) {
        if (condition.test(entry)) {
          return entry;
        }
      }
      sleep(20);
    }
    throw new AssertionError("no notification matched within " + timeout + "; got " + data());
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
