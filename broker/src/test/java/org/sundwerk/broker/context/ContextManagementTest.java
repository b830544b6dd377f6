package org.sundwerk.broker.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.broker.cluster.ClusterSignals;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.ContextSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/** The /jsonldContexts operations over an in-memory store and a real resolver. */
class ContextManagementTest {

  // Nothing listens on port 1 and the SSRF guard blocks 127.0.0.1: hosted URLs resolve only via
  // the store.
  private static final String BASE_URL = "http://127.0.0.1:1/";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final InMemoryContextStore store = new InMemoryContextStore();
  private final HostedContextUrls urls = new HostedContextUrls(store, BASE_URL);
  private ContextResolver resolver;
  private HttpServer remote;
  private final AtomicInteger remoteRequests = new AtomicInteger();

  private AddContext add;
  private ListContexts list;
  private ServeContext serve;
  private DeleteContext delete;

  @BeforeEach
  void setUp() throws IOException {
    remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    remote.createContext(
        "/remote.jsonld",
        exchange -> {
          remoteRequests.incrementAndGet();
          byte[] body =
              "{\"@context\": {\"Kiosk\": \"https://example.org/Kiosk\"}}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    remote.start();
    resolver =
        ContextResolver.create(
            ContextSettings.defaults().withAllowedHosts(List.of("localhost")), urls);
    add = new AddContext(store, resolver, urls, CLOCK);
    list = new ListContexts(store, resolver);
    serve = new ServeContext(store, resolver);
    delete = new DeleteContext(store, resolver, ClusterSignals.NONE);
  }

  @AfterEach
  void stopRemote() {
    remote.stop(0);
  }

  private String remoteUrl() {
    return "http://localhost:" + remote.getAddress().getPort() + "/remote.jsonld";
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  private static void assertFails(Runnable call, ErrorType type) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(type));
  }

  private StoredContext addLamp() {
    return add.handle(json("{\"@context\": {\"Lamp\": \"https://example.org/Lamp\"}}"));
  }

  @Test
  void anAddedContextIsHostedUnderItsOwnUrlAndResolvesWithoutHttp() {
    StoredContext added = addLamp();

    assertThat(added.id()).matches("[0-9a-f-]{36}");
    assertThat(added.url()).isEqualTo("http://127.0.0.1:1/ngsi-ld/v1/jsonldContexts/" + added.id());
    assertThat(added.kind()).isEqualTo("Hosted");
    assertThat(added.createdAt()).isEqualTo(CLOCK.instant());
    assertThat(resolver.resolve(StringNode.valueOf(added.url())).expand("Lamp"))
        .isEqualTo("https://example.org/Lamp");
  }

  @Test
  void anAddedContextIsServedAndListed() {
    StoredContext added = addLamp();

    ServedContext served = serve.handle(added.id());

    assertThat(json(served.body())).isEqualTo(json(added.body()));
    assertThat(json(served.body()).get("@context").get("Lamp").asString())
        .isEqualTo("https://example.org/Lamp");
    assertThat(serve.handle(added.url()).summary().localId()).isEqualTo(added.id());
    assertThat(list.handle(Optional.empty()))
        .containsExactly(
            new ContextSummary(added.url(), added.id(), ContextKind.HOSTED, CLOCK.instant()));
  }

  @Test
  void listingFiltersByKind() {
    StoredContext hosted = addLamp();
    store.save(
        new StoredContext(
            "implicit-1",
            urls.urlOf("implicit-1"),
            "ImplicitlyCreated",
            "{\"@context\": {}}",
            CLOCK.instant()));
    resolver.resolve(StringNode.valueOf(remoteUrl()));

    assertThat(list.handle(Optional.of(ContextKind.HOSTED)))
        .extracting(ContextSummary::localId)
        .containsExactly(hosted.id());
    assertThat(list.handle(Optional.of(ContextKind.IMPLICITLY_CREATED)))
        .extracting(ContextSummary::localId)
        .containsExactly("implicit-1");
    assertThat(list.handle(Optional.of(ContextKind.CACHED)))
        .extracting(ContextSummary::url)
        .containsExactly(remoteUrl());
    assertThat(list.handle(Optional.empty())).hasSize(3);
  }

  @Test
  void aDeletedContextIsGoneAndNoLongerResolves() {
    StoredContext added = addLamp();
    resolver.resolve(StringNode.valueOf(added.url()));

    delete.handle(added.id(), false);

    assertFails(() -> serve.handle(added.id()), ErrorType.RESOURCE_NOT_FOUND);
    assertFails(
        () -> resolver.resolve(StringNode.valueOf(added.url())),
        ErrorType.LD_CONTEXT_NOT_AVAILABLE);
    assertThat(list.handle(Optional.empty())).isEmpty();
  }

  @Test
  void aCachedContextCanBeReloadedOrDropped() {
    resolver.resolve(StringNode.valueOf(remoteUrl()));
    String cachedId = list.handle(Optional.of(ContextKind.CACHED)).getFirst().localId();

    delete.handle(cachedId, true);
    assertThat(remoteRequests).hasValue(2);
    assertThat(serve.handle(cachedId).summary().url()).isEqualTo(remoteUrl());

    delete.handle(cachedId, false);
    assertThat(list.handle(Optional.of(ContextKind.CACHED))).isEmpty();
  }

  @Test
  void reloadingAHostedContextIsBadRequestData() {
    StoredContext added = addLamp();

    assertFails(() -> delete.handle(added.id(), true), ErrorType.BAD_REQUEST_DATA);
    assertThat(serve.handle(added.id()).summary().kind()).isEqualTo(ContextKind.HOSTED);
  }

  @Test
  void anImplicitlyCreatedContextIsHostedAndListedAsSuch() {
    StoredContext implicit = add.handleImplicit(json("{\"Bin\": \"https://example.org/Bin\"}"));

    assertThat(implicit.kind()).isEqualTo("ImplicitlyCreated");
    assertThat(resolver.resolve(StringNode.valueOf(implicit.url())).expand("Bin"))
        .isEqualTo("https://example.org/Bin");
    assertThat(list.handle(Optional.of(ContextKind.IMPLICITLY_CREATED)))
        .extracting(ContextSummary::url)
        .containsExactly(implicit.url());
  }

  @Test
  void unknownContextsAreNotFound() {
    assertFails(() -> serve.handle("nope"), ErrorType.RESOURCE_NOT_FOUND);
    assertFails(() -> delete.handle("nope", false), ErrorType.RESOURCE_NOT_FOUND);
  }

  @Test
  void invalidBodiesAreRejected() {
    assertFails(() -> add.handle(json("{\"Lamp\": \"x\"}")), ErrorType.BAD_REQUEST_DATA);
    assertFails(() -> add.handle(json("{\"@context\": 5}")), ErrorType.BAD_REQUEST_DATA);
    assertFails(
        () -> add.handle(json("{\"@context\": {\"Lamp\": 5}}")), ErrorType.BAD_REQUEST_DATA);
    assertThat(store.all()).isEmpty();
  }

  @Test
  void unknownKindNamesAreBadRequestData() {
    assertThat(ContextKind.fromApiName("Cached")).isEqualTo(ContextKind.CACHED);
    assertFails(() -> ContextKind.fromApiName("Remote"), ErrorType.BAD_REQUEST_DATA);
  }
}
