package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.Operation;
import org.sundwerk.app.TestKeys;
import tools.jackson.databind.JsonNode;

/**
 * The webhooks decide against the tenant an uplink writes into (the registered device's, or the
 * path's), not the tenant header the sender chose, and against the type of the entity it writes: a
 * key of Grimmen cannot write Stralsund's parking garage, whatever header it sends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestionAccessTest extends CityTest {

  private static final String HAFEN = "urn:ngsi-ld:OffStreetParking:stralsund:parkhaus-am-hafen";
  private static final String WATER = "urn:ngsi-ld:WaterQualityObserved:stralsund:strandbad";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Autowired ApplicationContext context;

  private String grimmen;
  private String stralsund;
  private String stralsundReadOnly;
  private String stralsundWaterOnly;

  @BeforeAll
  void keys() {
    TestKeys keys = new TestKeys(context);
    grimmen = keys.key(TestKeys.all(), TestKeys.operatorOf("grimmen"));
    stralsund = keys.key(TestKeys.only(Operation.INGEST), TestKeys.operatorOf("stralsund"));
    stralsundReadOnly = keys.key(TestKeys.only(Operation.READ), TestKeys.operatorOf("stralsund"));
    String waterType = storedType(WATER);
    stralsundWaterOnly =
        keys.key(
            new KeyScope(Set.of(), Set.of(Operation.INGEST), Set.of(waterType)),
            TestKeys.operatorOf("stralsund"));
  }

  @Test
  void anonymousUplinksAnswer401WithAChallengeAndWriteNothing() {
    JsonNode before = entity(STRALSUND, HAFEN);
    for (String path :
        new String[] {
          "/ingestion/chirpstack?event=up", "/ingestion/ttn", "/ingestion/json/stralsund/" + HAFEN
        }) {
      HttpResponse<String> answer =
          send(path, fixture("chirpstack-v4-parking-decoded.json"), null, null);
      assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(entity(STRALSUND, HAFEN)).isEqualTo(before);
  }

  @Test
  void anOperatorKeyOfAnotherTenantCannotWriteADeviceOfThisOneWhateverHeaderItSends() {
    JsonNode before = entity(STRALSUND, HAFEN);
    byte[] uplink = fixture("chirpstack-v4-parking-decoded.json");

    HttpResponse<String> ownHeader = send("/ingestion/chirpstack", uplink, grimmen, "grimmen");
    HttpResponse<String> noHeader = send("/ingestion/chirpstack", uplink, grimmen, null);
    HttpResponse<String> json =
        send(
            "/ingestion/json/stralsund/" + HAFEN,
            "{\"availableSpotNumber\": 1}".getBytes(StandardCharsets.UTF_8),
            grimmen,
            "grimmen");

    assertThat(ownHeader.statusCode()).as(ownHeader.body()).isEqualTo(403);
    assertThat(ownHeader.body()).contains("operator or a partner of the tenant");
    assertThat(noHeader.statusCode()).isEqualTo(403);
    assertThat(json.statusCode()).isEqualTo(403);
    assertThat(entity(STRALSUND, HAFEN)).isEqualTo(before);
  }

  @Test
  void anIngestKeyOfTheDevicesTenantWritesWithoutATenantHeader() {
    HttpResponse<String> answer =
        send("/ingestion/ttn", fixture("tts-v3-water-raw.json"), stralsund, null);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).containsAnyOf("accepted", "duplicate");
    assertThat(entity(STRALSUND, WATER).at("/escherichiaColi/value").asInt()).isEqualTo(42);
  }

  @Test
  void aKeyWithoutIngestInItsScopeIsRefused() {
    HttpResponse<String> answer =
        send("/ingestion/ttn", fixture("tts-v3-water-raw.json"), stralsundReadOnly, null);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("not scoped to INGEST");
  }

  @Test
  void aKeyScopedToOneEntityTypeWritesOnlyEntitiesOfThatType() {
    JsonNode before = entity(STRALSUND, HAFEN);

    HttpResponse<String> parking =
        send(
            "/ingestion/chirpstack",
            fixture("chirpstack-v4-parking-decoded.json"),
            stralsundWaterOnly,
            null);
    HttpResponse<String> water =
        send("/ingestion/ttn", fixture("tts-v3-water-raw.json"), stralsundWaterOnly, null);

    assertThat(parking.statusCode()).as(parking.body()).isEqualTo(403);
    assertThat(parking.body()).contains("not scoped to entity types");
    assertThat(entity(STRALSUND, HAFEN)).isEqualTo(before);
    assertThat(water.statusCode()).as(water.body()).isEqualTo(200);
  }

  /** The entity's type as stored (an expanded IRI), read without a context. */
  private String storedType(String id) {
    HttpResponse<String> answer =
        exchange(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + ENTITIES
                            + URLEncoder.encode(id, StandardCharsets.UTF_8)
                            + "?options=keyValues"))
                .header("NGSILD-Tenant", STRALSUND)
                .header("Accept", "application/json")
                .GET()
                .build());
    return JSON.readTree(answer.body()).path("type").asString();
  }

  private HttpResponse<String> send(String path, byte[] body, String key, String tenant) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      request.header("X-API-Key", key);
    }
    if (tenant != null) {
      request.header("NGSILD-Tenant", tenant);
    }
    return exchange(request.build());
  }

  private static HttpResponse<String> exchange(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
