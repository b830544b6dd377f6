package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors that Tomcat or Spring raise before or instead of a controller are NGSI-LD ProblemDetails
 * too (clause 5.5.2), on {@code /ngsi-ld/**}, on {@code /ingestion/**} and elsewhere: never
 * Tomcat's HTML page and never Spring Boot's generic error JSON.
 */
class ContainerErrorsTest extends ApiTest {

  private RawHttp raw;

  @BeforeEach
  void raw() {
    raw = new RawHttp(port);
  }

  @ParameterizedTest(name = "{0} {1} -> {2} {3}")
  @CsvSource({
    "GET, /ngsi-ld/v1/entities/urn:a%00b, 400, InvalidRequest",
    "GET, /ngsi-ld/v1/entities/%zz, 400, InvalidRequest",
    "GET, /ngsi-ld/v1/csourceRegistrations, 404, ResourceNotFound",
    "GET, /ngsi-ld/v2/entities, 404, ResourceNotFound",
    "GET, /ingestion/nothing, 404, ResourceNotFound",
    "GET, /nothing/here, 404, ResourceNotFound",
    "GET, /error, 404, ResourceNotFound",
    // Outside the APIs every POST needs a CSRF token first: refused before routing.
    "POST, /error, 403, InvalidRequest",
    "PUT, /ngsi-ld/v1/entities, 405, InvalidRequest",
    "DELETE, /ngsi-ld/v1/subscriptions, 405, InvalidRequest",
    "GET, /ingestion/chirpstack, 405, InvalidRequest",
    "POST, /ingestion/chirpstack, 400, InvalidRequest",
    "POST, /ingestion/ttn, 400, InvalidRequest",
    "POST, /ingestion/json/t1/urn:ngsi-ld:T:1, 400, InvalidRequest",
    "GET, /nothing?=1, 400, BadRequestData",
    "GET, /actuator/health?=1, 400, BadRequestData",
    "GET, /ngsi-ld/v1/?x=%C3%28, 400, BadRequestData",
  })
  void answersAProblemDetails(String method, String target, int status, String type) {
    RawHttp.Response response = raw.send(method, target, Map.of(), null);

    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.isProblemDetails()).as(response.toString()).isTrue();
    assertThat(response.errorType()).isEqualTo(type);
  }

  @Test
  void answersAnEmptyChirpStackUplinkWithAProblemDetails() {
    RawHttp.Response response =
        raw.send(
            "POST",
            "/ingestion/chirpstack?event=up",
            Map.of("Content-Type", "application/json"),
            new byte[0]);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.isProblemDetails()).as(response.toString()).isTrue();
  }

  @Test
  void saysWhatIsNotSupportedForAnUnknownNgsiLdResource() {
    RawHttp.Response response = raw.get("/ngsi-ld/v1/csourceRegistrations", Map.of());

    assertThat(response.json().path("detail").asString())
        .contains("/ngsi-ld/v1/csourceRegistrations")
        .contains("not supported");
  }

  @Test
  void namesTheAllowedMethodsOfA405() {
    RawHttp.Response response = raw.send("PUT", ENTITIES, Map.of(), new byte[0]);

    assertThat(response.header("Allow")).hasValueSatisfying(a -> assertThat(a).contains("GET"));
    assertThat(response.json().path("detail").asString())
        .contains("PUT")
        .contains("allowed: ")
        .contains("GET");
  }

  @Test
  void answersARequestLineOverTheHeaderLimitWithAProblemDetails() {
    RawHttp.Response response = raw.get(ENTITIES + "?type=" + "T".repeat(9000), Map.of());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.isProblemDetails()).as(response.toString()).isTrue();
  }

  @Test
  void answersHeadersOverTheLimitWithAProblemDetails() {
    RawHttp.Response response =
        raw.get(ENTITIES + "?type=T", Map.of("X-Padding", "p".repeat(9000)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.isProblemDetails()).as(response.toString()).isTrue();
  }

  @Test
  void answersAMalformedRequestLineWithAProblemDetails() {
    RawHttp.Response response =
        raw.sendRaw(
            "GET /ngsi-ld/v1/entities?type=T\u0001 HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1),
            "control character");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.isProblemDetails()).as(response.toString()).isTrue();
  }

  @Test
  void addressesAnEntityWhoseIdHasASlashWithAnEncodedSlash() {
    http.post(ENTITIES, "{\"id\": \"https://example.org/parking/1\", \"type\": \"T\"}");

    RawHttp.Response response =
        raw.get(
            ENTITIES + "/https%3A%2F%2Fexample.org%2Fparking%2F1", Map.of("NGSILD-Tenant", tenant));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("id").asString()).isEqualTo("https://example.org/parking/1");
  }
}
