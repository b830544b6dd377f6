package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attribute operations (clauses 5.6.2 to 5.6.5 and 5.6.19) under /entities/{id}/attrs. */
class AttributeOperationsTest extends ApiTest {

  private static final String BIN = ENTITIES + "/urn:ngsi-ld:WasteContainer:alter-markt-1";

  @BeforeEach
  void createBin() {
    http.post(
        ENTITIES,
        """
        {"id": "urn:ngsi-ld:WasteContainer:alter-markt-1", "type": "WasteContainer",
         "fillingLevel": {"type": "Property", "value": 0.4, "observedAt": "2026-07-04T08:00:00Z"},
         "temperature": [{"type": "Property", "value": 18},
                         {"type": "Property", "value": 25, "datasetId": "urn:ngsi-ld:Dataset:inner"}]}
        """);
  }

  @Test
  void appendsNewAttributes() {
    Http.Response response = http.post(BIN + "/attrs", "{\"status\": \"ok\"}");

    assertThat(response.status()).isEqualTo(204);
    assertThat(http.get(BIN).json().at("/status/value").asString()).isEqualTo("ok");
  }

  @Test
  void reportsAttributesKeptBecauseOfNoOverwrite() {
    Http.Response response =
        http.post(
            BIN + "/attrs?options=noOverwrite", "{\"fillingLevel\": 0.9, \"status\": \"ok\"}");

    assertThat(response.status()).isEqualTo(207);
    assertThat(response.json().at("/updated/0").asString()).isEqualTo("status");
    assertThat(response.json().at("/notUpdated/0/attributeName").asString())
        .isEqualTo("fillingLevel");
    assertThat(http.get(BIN).json().at("/fillingLevel/value").asDouble()).isEqualTo(0.4);
  }

  @Test
  void updatesOnlyExistingAttributes() {
    Http.Response response = http.patch(BIN + "/attrs", "{\"fillingLevel\": 0.7, \"unknown\": 1}");

    assertThat(response.status()).isEqualTo(207);
    assertThat(response.json().at("/notUpdated/0/attributeName").asString()).isEqualTo("unknown");
    var bin = http.get(BIN).json();
    assertThat(bin.at("/fillingLevel/value").asDouble()).isEqualTo(0.7);
    assertThat(bin.has("unknown")).isFalse();
  }

  @Test
  void partiallyUpdatesOneAttributeKeepingItsMetadata() {
    Http.Response response = http.patch(BIN + "/attrs/fillingLevel", "{\"value\": 0.95}");

    assertThat(response.status()).isEqualTo(204);
    var level = http.get(BIN).json().path("fillingLevel");
    assertThat(level.path("value").asDouble()).isEqualTo(0.95);
    assertThat(level.path("observedAt").asString()).isEqualTo("2026-07-04T08:00:00.000Z");
  }

  @Test
  void replacesOneAttributeWholly() {
    Http.Response response =
        http.put(BIN + "/attrs/fillingLevel", "{\"type\": \"Property\", \"value\": 0.1}");

    assertThat(response.status()).isEqualTo(204);
    var level = http.get(BIN).json().path("fillingLevel");
    assertThat(level.path("value").asDouble()).isEqualTo(0.1);
    assertThat(level.has("observedAt")).isFalse();
  }

  @Test
  void answersNotFoundForAMissingAttribute() {
    assertThat(http.patch(BIN + "/attrs/nothing", "{\"value\": 1}").status()).isEqualTo(404);
    assertThat(http.delete(BIN + "/attrs/nothing").status()).isEqualTo(404);
  }

  @Test
  void deletesOneDatasetOrAllInstances() {
    assertThat(http.delete(BIN + "/attrs/temperature?datasetId=urn:ngsi-ld:Dataset:inner").status())
        .isEqualTo(204);
    assertThat(http.get(BIN).json().at("/temperature/value").asInt()).isEqualTo(18);

    http.post(
        BIN + "/attrs",
        "{\"temperature\": {\"type\": \"Property\", \"value\": 30, \"datasetId\": \"urn:ngsi-ld:Dataset:x\"}}");
    assertThat(http.delete(BIN + "/attrs/temperature?deleteAll=true").status()).isEqualTo(204);
    assertThat(http.get(BIN).json().has("temperature")).isFalse();
  }

  @Test
  void deletesTheDefaultInstanceOnly() {
    assertThat(http.delete(BIN + "/attrs/temperature").status()).isEqualTo(204);

    var temperature = http.get(BIN).json().path("temperature");
    assertThat(temperature.path("datasetId").asString()).isEqualTo("urn:ngsi-ld:Dataset:inner");
  }

  @Test
  void refusesAnEmptyAttributeFragmentAndKeepsTheValue() {
    Http.Response response = http.patch(BIN + "/attrs/fillingLevel", "{}");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("BadRequestData");
    assertThat(http.get(BIN).json().at("/fillingLevel/value").asDouble()).isEqualTo(0.4);
  }
}
