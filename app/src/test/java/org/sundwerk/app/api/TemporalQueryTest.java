package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Query Temporal Evolution of Entities (clause 5.7.4): GET /temporal/entities and POST
 * /temporal/entityOperations/query. Selection by type, id, idPattern and attrs works on the
 * temporal entities; q on the current state of the entities.
 */
class TemporalQueryTest extends ApiTest {

  private static final String TEMPORAL = "/ngsi-ld/v1/temporal/entities";

  @BeforeEach
  void createThreeEntitiesWithHistory() {
    create("urn:ngsi-ld:WasteContainer:a", "WasteContainer", 0.2);
    create("urn:ngsi-ld:WasteContainer:b", "WasteContainer", 0.7);
    create("urn:ngsi-ld:Parking:c", "Parking", 0.5);
    http.patch(
        ENTITIES + "/urn:ngsi-ld:WasteContainer:a/attrs",
        "{\"fillingLevel\": {\"type\": \"Property\", \"value\": 0.3,"
            + " \"observedAt\": \"2026-06-01T12:00:00Z\"}}");
  }

  private void create(String id, String type, double level) {
    Http.Response response =
        http.post(
            ENTITIES,
            """
            {"id": "%s", "type": "%s",
             "fillingLevel": {"type": "Property", "value": %s, "observedAt": "2026-06-01T08:00:00Z"}}
            """
                .formatted(id, type, level));
    assertThat(response.status()).isEqualTo(201);
  }

  private static List<String> ids(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    response.json().forEach(entity -> ids.add(entity.path("id").asString()));
    return ids;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "type=WasteContainer | urn:ngsi-ld:WasteContainer:a,urn:ngsi-ld:WasteContainer:b",
        "type=Parking | urn:ngsi-ld:Parking:c",
        "type=WasteContainer,Parking | "
            + "urn:ngsi-ld:WasteContainer:a,urn:ngsi-ld:WasteContainer:b,urn:ngsi-ld:Parking:c",
        "id=urn:ngsi-ld:Parking:c,urn:ngsi-ld:WasteContainer:b | "
            + "urn:ngsi-ld:WasteContainer:b,urn:ngsi-ld:Parking:c",
        "idPattern=:b$ | urn:ngsi-ld:WasteContainer:b",
        "attrs=fillingLevel&type=Parking | urn:ngsi-ld:Parking:c",
        "type=WasteContainer&q=fillingLevel%3E0.25 | "
            + "urn:ngsi-ld:WasteContainer:a,urn:ngsi-ld:WasteContainer:b",
        "type=WasteContainer&q=fillingLevel%3E0.5 | urn:ngsi-ld:WasteContainer:b",
        "type=WasteContainer&limit=1&offset=1 | urn:ngsi-ld:WasteContainer:b",
      })
  void selectsTemporalEntities(String query, String expected) {
    assertThat(ids(http.get(TEMPORAL + "?" + query)))
        .containsExactlyElementsOf(List.of(expected.split(",")));
  }

  @Test
  void returnsTheHistoryOfEachSelectedEntity() {
    JsonNode entities =
        http.get(TEMPORAL + "?type=WasteContainer&timerel=after&timeAt=2026-06-01T10:00:00Z")
            .json();

    assertThat(entities.at("/0/fillingLevel")).hasSize(1);
    assertThat(entities.at("/0/fillingLevel/0/value").asDouble()).isEqualTo(0.3);
    assertThat(entities.at("/1/fillingLevel").isMissingNode()).isTrue();
  }

  @Test
  void queriesWithAQueryBodyAndTemporalQ() {
    Http.Response response =
        http.post(
            "/ngsi-ld/v1/temporal/entityOperations/query?options=temporalValues",
            """
            {"type": "Query", "entities": [{"type": "WasteContainer"}],
             "temporalQ": {"timerel": "before", "timeAt": "2026-06-01T10:00:00Z"}}
            """);

    assertThat(ids(response))
        .containsExactly("urn:ngsi-ld:WasteContainer:a", "urn:ngsi-ld:WasteContainer:b");
    assertThat(response.json().at("/0/fillingLevel/values")).hasSize(1);
    assertThat(response.json().at("/0/fillingLevel/values/0/0").asDouble()).isEqualTo(0.2);
  }

  @Test
  void aggregatesEverySelectedEntity() {
    JsonNode entities =
        http.get(TEMPORAL + "?type=WasteContainer&options=aggregatedValues&aggrMethods=max").json();

    assertThat(entities.at("/0/fillingLevel/max/0/0").asDouble()).isEqualTo(0.3);
    assertThat(entities.at("/1/fillingLevel/max/0/0").asDouble()).isEqualTo(0.7);
  }

  @Test
  void rejectsAQueryWithoutSelector() {
    assertThat(http.get(TEMPORAL).errorType()).isEqualTo("BadRequestData");
  }

  @Test
  void putsTheContextIntoEachEntityOfAJsonLdAnswer() {
    Http.Response response =
        http.with("Accept", "application/ld+json").get(TEMPORAL + "?type=Parking");

    assertThat(response.json().at("/0/@context").asString()).isEqualTo(CORE);
  }
}
