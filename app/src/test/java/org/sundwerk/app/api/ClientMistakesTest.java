package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Client mistakes that once answered 500 are 400 ProblemDetails, found where they arise: the query
 * string (Tomcat), dates and numbers (the NGSI-LD codec), echoed input, aggregation periods.
 */
class ClientMistakesTest extends ApiTest {

  private Http.Response create(String attribute) {
    return http.post(
        ENTITIES, "{\"id\": \"urn:ngsi-ld:T:1\", \"type\": \"T\", \"a\": " + attribute + "}");
  }

  private static void assertBadRequest(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.errorType()).as(response.toString()).isEqualTo("BadRequestData");
  }

  @Test
  void refusesAParameterWithAnEmptyName() {
    assertBadRequest(http.get(ENTITIES + "?type=T&=1"));
  }

  @Test
  void refusesInvalidUtf8InQ() {
    assertBadRequest(http.get(ENTITIES + "?type=T&q=a==%22%C3%28%22"));
  }

  @Test
  void refusesAnObservedAtBeyondTheYear9999() {
    assertBadRequest(
        create(
            "{\"type\": \"Property\", \"value\": 1, \"observedAt\": \"+999999999-12-31T23:59:59Z\"}"));
    assertThat(http.get(ENTITIES + "/urn:ngsi-ld:T:1").status()).isEqualTo(404);
  }

  @Test
  void refusesA400DigitInteger() {
    assertBadRequest(create("9".repeat(400)));
  }

  @Test
  void refusesANumberBeyondTheRangeOfADoubleInsteadOfStoringInfinity() {
    assertBadRequest(create("1e400"));
    assertBadRequest(create("{\"type\": \"Property\", \"value\": {\"nested\": [-1e400]}}"));
    assertThat(http.get(ENTITIES + "/urn:ngsi-ld:T:1").status()).isEqualTo(404);
  }

  @Test
  void keepsLargeNumbersWithinTheRangeOfADouble() {
    assertThat(create("1e300").status()).isEqualTo(201);
  }

  @Test
  void echoesA1MbInvalidIdShortened() {
    String id = "x".repeat(1_000_000);

    Http.Response response = http.post(ENTITIES, "{\"id\": \"" + id + "\", \"type\": \"T\"}");

    assertBadRequest(response);
    String detail = response.json().path("detail").asString();
    assertThat(detail).contains("x".repeat(200) + "…").hasSizeLessThan(400);
  }

  @Test
  void refusesAggregationPeriodsBelowOneSecond() {
    create("{\"type\": \"Property\", \"value\": 1, \"observedAt\": \"2026-01-01T00:00:00Z\"}");

    Http.Response response =
        http.get(
            "/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:T:1?options=aggregatedValues"
                + "&aggrMethods=sum&aggrPeriodDuration=PT0.000000001S");

    assertBadRequest(response);
    assertThat(response.json().path("detail").asString()).contains("one second");
  }

  @Test
  void refusesAParameterWithAnEmptyNameOnAWebhook() {
    RawHttp.Response response =
        new RawHttp(port)
            .send(
                "POST",
                "/ingestion/chirpstack?event=up&=1",
                Map.of("Content-Type", "application/json"),
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.isProblemDetails()).as(response.toString()).isTrue();
  }
}
