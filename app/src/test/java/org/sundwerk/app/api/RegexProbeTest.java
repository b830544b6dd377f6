package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Client patterns ({@code idPattern}, {@code ~=} in {@code q}) cannot take the server down: the
 * pattern {@code (.*.){5}#} took 34 s per request with a backtracking engine inside SQLite's native
 * callback, and two of them in parallel made even {@code /actuator/health} wait 27 s (issue 12).
 */
class RegexProbeTest extends ApiTest {

  /** The probe of the issue: catastrophic backtracking for a backtracking engine. */
  private static final String PROBE = "(.*.){5}#";

  private static final int PARALLEL_PROBES = 10;

  @BeforeEach
  void createEntitiesWithLongIds() {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 40; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"id": "urn:ngsi-ld:OffStreetParking:stralsund:parkhaus-am-hafen-nummer-%02d",
               "type": "OffStreetParking", "name": "Parkhaus am Hafen, Ebene %02d"}
              """
                  .formatted(i, i));
    }
    Http.Response created =
        http.post("/ngsi-ld/v1/entityOperations/create", batch.append("]").toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  @Test
  void healthAnswersWhileTenPatternProbesRun() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> probes = new ArrayList<>();
    for (int i = 0; i < PARALLEL_PROBES; i++) {
      String query =
          i % 2 == 0
              ? "idPattern=" + encode(PROBE) + "&limit=1"
              : "type=OffStreetParking&q=" + encode("name~=" + PROBE) + "&limit=1";
      probes.add(client.sendAsync(probe(ENTITIES + "?" + query), bodyAsString()));
    }

    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            bodyAsString());

    assertThat(health.statusCode()).isEqualTo(200);
    for (CompletableFuture<HttpResponse<String>> probe : probes) {
      HttpResponse<String> response = probe.get(60, TimeUnit.SECONDS);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("[]");
    }
  }

  @Test
  void patternsStillSelect() {
    Http.Response response =
        http.get(ENTITIES + "?idPattern=" + encode("hafen-nummer-(0[0-4])$") + "&count=true");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.header("NGSILD-Results-Count")).hasValue("5");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        ENTITIES + "?idPattern=(a)%5C1",
        ENTITIES + "?idPattern=a(%3F%3Db)",
        ENTITIES + "?idPattern=((a%7B100%7D)%7B100%7D)%7B100%7D",
        ENTITIES + "?type=OffStreetParking&q=name~=(a)%5C1",
        ENTITIES + "?type=OffStreetParking&q=name~=a(%3F!b)",
        "/ngsi-ld/v1/temporal/entities?idPattern=(a)%5C1",
      })
  void rejectsPatternsTheLinearEngineCannotRun(String path) {
    Http.Response response = http.get(path);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("BadRequestData");
    assertThat(response.json().path("detail").asString()).contains("regular expression");
  }

  @Test
  void rejectsOverlongPatterns() {
    Http.Response response = http.get(ENTITIES + "?idPattern=" + "a".repeat(2_000));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("detail").asString()).contains("at most");
  }

  private HttpRequest probe(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("NGSILD-Tenant", tenant)
        .timeout(Duration.ofSeconds(60))
        .build();
  }

  private static HttpResponse.BodyHandler<String> bodyAsString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
