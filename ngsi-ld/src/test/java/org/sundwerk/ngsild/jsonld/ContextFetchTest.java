package org.sundwerk.ngsild.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/** Fetching contexts over HTTP from a real local server: SSRF guard, cache, limits, timeouts. */
class ContextFetchTest {

  private static final String CONTEXT =
      "{\"@context\": {\"Bench\": \"https://example.org/Bench\"}}";

  private HttpServer server;
  private ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/ctx.jsonld", exchange -> respond(exchange, 200, CONTEXT, true));
    server.createContext(
        "/large.jsonld", exchange -> respond(exchange, 200, CONTEXT + " ".repeat(5_000), true));
    server.createContext(
        "/large-chunked.jsonld",
        exchange -> respond(exchange, 200, CONTEXT + " ".repeat(5_000), false));
    server.createContext(
        "/slow.jsonld",
        exchange -> {
          try {
            Thread.sleep(2_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(exchange, 200, CONTEXT, true);
        });
    server.createContext("/not-json.jsonld", exchange -> respond(exchange, 200, "<html>", true));
    server.createContext("/missing.jsonld", exchange -> respond(exchange, 404, "{}", true));
    server.createContext(
        "/redirect-to-ip",
        exchange -> {
          exchange.getResponseHeaders().add("Location", url("/ctx.jsonld"));
          respond(exchange, 302, "", true);
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void respond(HttpExchange exchange, int status, String body, boolean withLength)
      throws IOException {
    requests.incrementAndGet();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/ld+json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : withLength ? bytes.length : 0);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static ContextResolver resolver(ContextSettings settings) {
    return ContextResolver.create(settings, HostedContexts.NONE);
  }

  private static ContextSettings allowingLoopback() {
    return ContextSettings.defaults().withAllowedHosts(List.of("127.0.0.1"));
  }

  private static void assertFails(Runnable call, ErrorType type, String detail) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            NgsiLdException.class,
            e -> {
              assertThat(e.type()).isEqualTo(type);
              assertThat(e.detail()).contains(detail);
            });
  }

  @Test
  void aContextOnTheLoopbackAddressIsRejectedByDefault() {
    ContextResolver resolver = resolver(ContextSettings.defaults());

    assertFails(
        () -> resolver.resolve(StringNode.valueOf(url("/ctx.jsonld"))),
        ErrorType.LD_CONTEXT_NOT_AVAILABLE,
        "internal address 127.0.0.1");
    assertThat(requests).hasValue(0);
  }

  @Test
  void anAllowListedHostIsFetchedOnceAndThenServedFromTheCache() {
    ContextResolver resolver = resolver(allowingLoopback());

    TermDictionary dictionary = resolver.resolve(StringNode.valueOf(url("/ctx.jsonld")));
    resolver.resolve(StringNode.valueOf(url("/ctx.jsonld")));
    TermDictionary other =
        resolver.resolve(
            JsonMapper.builder()
                .build()
                .createArrayNode()
                .add(url("/ctx.jsonld"))
                .add(JsonMapper.builder().build().createObjectNode().put("x", "https://x.org/x")));

    assertThat(dictionary.expand("Bench")).isEqualTo("https://example.org/Bench");
    assertThat(other.expand("Bench")).isEqualTo("https://example.org/Bench");
    assertThat(requests).hasValue(1);
    assertThat(resolver.loader().cachedDocuments())
        .singleElement()
        .satisfies(d -> assertThat(d.source()).isEqualTo(ContextDocument.Source.FETCHED));
  }

  @Test
  void anEvictedDocumentIsFetchedAgain() {
    ContextResolver resolver = resolver(allowingLoopback());
    resolver.loader().load(url("/ctx.jsonld"));

    resolver.invalidate(url("/ctx.jsonld"));
    resolver.loader().load(url("/ctx.jsonld"));

    assertThat(requests).hasValue(2);
  }

  @Test
  void aDocumentLargerThanTheLimitIsRejected() {
    ContextResolver resolver = resolver(allowingLoopback().withMaxDocumentBytes(1_000));

    assertFails(
        () -> resolver.resolve(StringNode.valueOf(url("/large.jsonld"))),
        ErrorType.LD_CONTEXT_NOT_AVAILABLE,
        "larger than 1000 bytes");
    assertFails(
        () -> resolver.resolve(StringNode.valueOf(url("/large-chunked.jsonld"))),
        ErrorType.LD_CONTEXT_NOT_AVAILABLE,
        "larger than 1000 bytes");
  }

  @Test
  void aSlowServerTimesOut() {
    ContextResolver resolver =
        resolver(allowingLoopback().withFetchTimeout(Duration.ofMillis(300)));

    long start = System.nanoTime();
    assertFails(
        () -> resolver.resolve(StringNode.valueOf(url("/slow.jsonld"))),
        ErrorType.LD_CONTEXT_NOT_AVAILABLE,
        "within");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
  }

  @Test
  void aDocumentThatIsNotJsonIsBadRequestData() {
    ContextResolver resolver = resolver(allowingLoopback());

    assertFails(
        () -> resolver.resolve(StringNode.valueOf(url("/not-json.jsonld"))),
        ErrorType.BAD_REQUEST_DATA,
        "not a valid JSON document");
  }

  @Test
  void anErrorStatusMeansTheContextIsNotAvailable() {
    ContextResolver resolver = resolver(allowingLoopback());

    assertFails(
        () -> resolver.resolve(StringNode.valueOf(url("/missing.jsonld"))),
        ErrorType.LD_CONTEXT_NOT_AVAILABLE,
        "HTTP status 404");
  }

  @Test
  void everyRedirectHopIsCheckedAgainstTheGuard() {
    ContextResolver resolver =
        resolver(ContextSettings.defaults().withAllowedHosts(List.of("localhost")));
    String viaName = "http://localhost:" + server.getAddress().getPort() + "/redirect-to-ip";

    assertFails(
        () -> resolver.resolve(StringNode.valueOf(viaName)),
        ErrorType.LD_CONTEXT_NOT_AVAILABLE,
        "internal address 127.0.0.1");
    assertThat(requests).hasValue(1);
  }

  @Test
  void anAllowedRedirectIsFollowed() {
    ContextResolver resolver =
        resolver(ContextSettings.defaults().withAllowedHosts(List.of("127.0.0.0/8")));

    assertThat(resolver.resolve(StringNode.valueOf(url("/redirect-to-ip"))).expand("Bench"))
        .isEqualTo("https://example.org/Bench");
    assertThat(requests).hasValue(2);
  }
}
