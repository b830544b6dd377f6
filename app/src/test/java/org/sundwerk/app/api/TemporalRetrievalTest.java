package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Retrieve Temporal Evolution of an Entity (clause 5.7.3, GET /temporal/entities/{id}) over history
 * recorded from ordinary entity writes, in the normalized, temporalValues and aggregatedValues
 * representations (clauses 4.5.8, 4.5.9, 4.5.19).
 */
class TemporalRetrievalTest extends ApiTest {

  private static final String ID = "urn:ngsi-ld:WeatherObserved:hafen";
  private static final String TEMPORAL = "/ngsi-ld/v1/temporal/entities/" + ID;

  @BeforeEach
  void createAndUpdateThreeTimes() {
    Http.Response created =
        http.post(
            ENTITIES,
            """
            {"id": "%s", "type": "WeatherObserved",
             "temperature": {"type": "Property", "value": 10, "observedAt": "2026-05-01T10:00:00Z"},
             "name": {"type": "Property", "value": "Hafen"}}
            """
                .formatted(ID));
    assertThat(created.status()).isEqualTo(201);
    int[] values = {12, 11, 15};
    for (int i = 0; i < values.length; i++) {
      Http.Response updated =
          http.patch(
              ENTITIES + "/" + ID + "/attrs",
              """
              {"temperature": {"type": "Property", "value": %d,
                               "observedAt": "2026-05-01T1%d:00:00Z"}}
              """
                  .formatted(values[i], i + 1));
      assertThat(updated.status()).isEqualTo(204);
    }
  }

  private static List<Integer> values(JsonNode instances) {
    List<Integer> values = new ArrayList<>();
    instances.forEach(instance -> values.add(instance.path("value").asInt()));
    return values;
  }

  @Test
  void returnsEveryInstanceInTimeOrderWithItsInstanceId() {
    Http.Response response = http.get(TEMPORAL);

    assertThat(response.status()).isEqualTo(200);
    JsonNode entity = response.json();
    assertThat(entity.path("id").asString()).isEqualTo(ID);
    assertThat(entity.path("type").asString()).isEqualTo("WeatherObserved");
    assertThat(values(entity.path("temperature"))).containsExactly(10, 12, 11, 15);
    assertThat(entity.at("/temperature/0/instanceId").asString())
        .startsWith("urn:ngsi-ld:attribute:instance:");
    assertThat(entity.at("/temperature/3/observedAt").asString())
        .isEqualTo("2026-05-01T13:00:00.000Z");
    assertThat(entity.path("name")).hasSize(1);
  }

  @Test
  void restrictsInstancesWithTimerelBeforeAfterAndBetween() {
    String at = "timeAt=2026-05-01T11:00:00Z";
    assertThat(values(http.get(TEMPORAL + "?timerel=before&" + at).json().path("temperature")))
        .containsExactly(10);
    assertThat(values(http.get(TEMPORAL + "?timerel=after&" + at).json().path("temperature")))
        .containsExactly(12, 11, 15);
    assertThat(
            values(
                http.get(
                        TEMPORAL
                            + "?timerel=between&"
                            + at
                            + "&endTimeAt=2026-05-01T13:00:00Z&attrs=temperature")
                    .json()
                    .path("temperature")))
        .containsExactly(12, 11);
  }

  @Test
  void keepsOnlyTheLastNInstances() {
    JsonNode entity = http.get(TEMPORAL + "?lastN=2&attrs=temperature").json();

    assertThat(values(entity.path("temperature"))).containsExactly(11, 15);
    assertThat(entity.has("name")).isFalse();
  }

  @Test
  void rendersTemporalValuesAsPairsOfValueAndTime() {
    for (String query : List.of("?options=temporalValues", "?format=temporalValues")) {
      JsonNode temperature = http.get(TEMPORAL + query).json().path("temperature");

      assertThat(temperature.path("type").asString()).isEqualTo("Property");
      assertThat(temperature.at("/values/0/0").asInt()).isEqualTo(10);
      assertThat(temperature.at("/values/0/1").asString()).isEqualTo("2026-05-01T10:00:00.000Z");
      assertThat(temperature.path("values")).hasSize(4);
    }
  }

  @Test
  void aggregatesOverTheWholeIntervalByDefault() {
    JsonNode temperature =
        http.get(
                TEMPORAL
                    + "?options=aggregatedValues&aggrMethods=totalCount,distinctCount,sum,avg,"
                    + "min,max,sumsq,stddev&attrs=temperature&timerel=between"
                    + "&timeAt=2026-05-01T00:00:00Z&endTimeAt=2026-05-02T00:00:00Z")
            .json()
            .path("temperature");

    assertThat(temperature.at("/totalCount/0/0").asLong()).isEqualTo(4);
    assertThat(temperature.at("/distinctCount/0/0").asLong()).isEqualTo(4);
    assertThat(temperature.at("/sum/0/0").asDouble()).isEqualTo(48);
    assertThat(temperature.at("/avg/0/0").asDouble()).isEqualTo(12);
    assertThat(temperature.at("/min/0/0").asDouble()).isEqualTo(10);
    assertThat(temperature.at("/max/0/0").asDouble()).isEqualTo(15);
    assertThat(temperature.at("/sumsq/0/0").asDouble()).isEqualTo(590);
    assertThat(temperature.at("/stddev/0/0").asDouble()).isEqualTo(Math.sqrt(590 / 4.0 - 144));
    assertThat(temperature.at("/avg/0/1").asString()).isEqualTo("2026-05-01T00:00:00.000Z");
    assertThat(temperature.at("/avg/0/2").asString()).isEqualTo("2026-05-02T00:00:00.000Z");
  }

  @Test
  void aggregatesPerPeriod() {
    JsonNode avg =
        http.get(
                TEMPORAL
                    + "?format=aggregatedValues&aggrMethods=avg&aggrPeriodDuration=PT2H"
                    + "&attrs=temperature")
            .json()
            .at("/temperature/avg");

    assertThat(avg).hasSize(2);
    assertThat(avg.at("/0/0").asDouble()).isEqualTo(11);
    assertThat(avg.at("/0/1").asString()).isEqualTo("2026-05-01T10:00:00.000Z");
    assertThat(avg.at("/0/2").asString()).isEqualTo("2026-05-01T12:00:00.000Z");
    assertThat(avg.at("/1/0").asDouble()).isEqualTo(13);
  }

  @Test
  void selectsInstancesByModifiedAt() {
    JsonNode entity =
        http.get(TEMPORAL + "?timeproperty=modifiedAt&timerel=after&timeAt=2000-01-01T00:00:00Z")
            .json();

    assertThat(values(entity.path("temperature"))).containsExactly(10, 12, 11, 15);
  }

  @Test
  void rejectsBadTemporalParameters() {
    assertThat(http.get(TEMPORAL + "?timerel=during&timeAt=2026-05-01T00:00:00Z").errorType())
        .isEqualTo("BadRequestData");
    assertThat(http.get(TEMPORAL + "?timerel=before").errorType()).isEqualTo("BadRequestData");
    assertThat(http.get(TEMPORAL + "?timerel=before&timeAt=yesterday").errorType())
        .isEqualTo("BadRequestData");
    assertThat(http.get(TEMPORAL + "?timerel=between&timeAt=2026-05-01T00:00:00Z").errorType())
        .isEqualTo("BadRequestData");
    assertThat(http.get(TEMPORAL + "?lastN=0").errorType()).isEqualTo("BadRequestData");
    assertThat(http.get(TEMPORAL + "?options=aggregatedValues&aggrMethods=median").errorType())
        .isEqualTo("BadRequestData");
    assertThat(
            http.get(TEMPORAL + "?options=aggregatedValues&aggrMethods=avg&aggrPeriodDuration=P1M")
                .errorType())
        .isEqualTo("BadRequestData");
  }

  @Test
  void answersNotFoundForAnEntityWithoutHistory() {
    Http.Response response = http.get("/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:Thing:none");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.errorType()).isEqualTo("ResourceNotFound");
  }
}
