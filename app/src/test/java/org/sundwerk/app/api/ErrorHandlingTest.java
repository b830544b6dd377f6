package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Errors are ProblemDetails with the NGSI-LD error types (clause 5.5.2, 6.3.4, 6.3.5). */
class ErrorHandlingTest extends ApiTest {

  @Test
  void rejectsMalformedJsonAsInvalidRequest() {
    Http.Response response = http.post(ENTITIES, "{\"id\": ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("InvalidRequest");
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
  }

  @Test
  void rejectsAnIdThatIsNoUri() {
    Http.Response response = http.post(ENTITIES, "{\"id\": \"no uri\", \"type\": \"T\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("BadRequestData");
  }

  @Test
  void rejectsEntityWithoutType() {
    Http.Response response = http.post(ENTITIES, "{\"id\": \"urn:ngsi-ld:T:1\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("BadRequestData");
  }

  @Test
  void rejectsAttributeNamesWithForbiddenCharacters() {
    Http.Response response =
        http.post(ENTITIES, "{\"id\": \"urn:ngsi-ld:T:1\", \"type\": \"T\", \"a<b\": 1}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asString()).contains("a<b");
  }

  @Test
  void rejectsARelationshipWithoutUri() {
    Http.Response response =
        http.post(
            ENTITIES,
            "{\"id\": \"urn:ngsi-ld:T:1\", \"type\": \"T\", \"r\": {\"type\": \"Relationship\", \"object\": 5}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("BadRequestData");
  }

  @Test
  void rejectsAnInvalidGeometry() {
    Http.Response response =
        http.post(
            ENTITIES,
            """
            {"id": "urn:ngsi-ld:T:1", "type": "T",
             "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [200, 54]}}}
            """);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("BadRequestData");
  }

  @Test
  void rejectsUnsupportedMediaTypes() {
    Http.Response response = http.send("POST", ENTITIES, "<xml/>", "application/xml");

    assertThat(response.status()).isEqualTo(415);
  }

  @Test
  void rejectsUnacceptableAcceptHeaders() {
    Http.Response response = http.with("Accept", "text/csv").get(ENTITIES + "?type=T");

    assertThat(response.status()).isEqualTo(406);
  }

  @Test
  void rejectsAContextInTheBodyOfPlainJson() {
    Http.Response response =
        http.post(
            ENTITIES,
            "{\"id\": \"urn:ngsi-ld:T:1\", \"type\": \"T\", \"@context\": \"" + CORE + "\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("BadRequestData");
  }

  @Test
  void rejectsJsonLdWithoutContext() {
    Http.Response response =
        http.postLd(ENTITIES, "{\"id\": \"urn:ngsi-ld:T:1\", \"type\": \"T\"}");

    assertThat(response.status()).isEqualTo(400);
  }

  @Test
  void rejectsPayloadsAboveTheLimit() {
    String big = "x".repeat(1_100_000);
    Http.Response response =
        http.post(
            ENTITIES, "{\"id\": \"urn:ngsi-ld:T:1\", \"type\": \"T\", \"a\": \"" + big + "\"}");

    assertThat(response.status()).isEqualTo(413);
  }

  @Test
  void rejectsAQueryWithoutSelector() {
    Http.Response response = http.get(ENTITIES);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("BadRequestData");
  }

  @Test
  void rejectsAMalformedQ() {
    Http.Response response = http.get(ENTITIES + "?type=T&q=a%3E%3E");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("BadRequestData");
  }

  @Test
  void rejectsPagesAboveTheMaximum() {
    Http.Response response = http.get(ENTITIES + "?type=T&limit=5000");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.errorType()).isEqualTo("TooManyResults");
  }

  @Test
  void answersLdContextNotAvailableForAnUnreachableContext() {
    Http.Response response =
        http.link("https://contexts.invalid/none.jsonld").get(ENTITIES + "?type=T");

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.errorType()).isEqualTo("LdContextNotAvailable");
  }

  @Test
  void refusesContextsOnPrivateAddresses() {
    Http.Response response =
        http.link("http://127.0.0.1:" + port + "/secret").get(ENTITIES + "?type=T");

    assertThat(response.status()).isIn(400, 503);
    assertThat(response.json().path("detail").asString()).containsIgnoringCase("127.0.0.1");
  }
}
