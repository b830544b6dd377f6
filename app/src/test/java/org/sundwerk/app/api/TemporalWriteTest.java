package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Writing the temporal representation directly (clauses 5.6.11 to 5.6.16): temporal entities, added
 * instances, modified and deleted instances, attributes and entities. These writes leave the
 * current state of entities alone.
 */
class TemporalWriteTest extends ApiTest {

  private static final String TEMPORAL = "/ngsi-ld/v1/temporal/entities";
  private static final String ID = "urn:ngsi-ld:Streetlight:s1";

  private Http.Response createTemporalEntity() {
    return http.post(
        TEMPORAL,
        """
        {"id": "%s", "type": "Streetlight",
         "powerState": [
           {"type": "Property", "value": "on", "observedAt": "2026-01-01T18:00:00Z"},
           {"type": "Property", "value": "off", "observedAt": "2026-01-02T06:00:00Z"}],
         "lampPower": {"type": "Property", "value": 40, "observedAt": "2026-01-01T18:00:00Z"}}
        """
            .formatted(ID));
  }

  private List<String> powerStates() {
    List<String> values = new ArrayList<>();
    http.get(TEMPORAL + "/" + ID)
        .json()
        .path("powerState")
        .forEach(i -> values.add(i.path("value").asString()));
    return values;
  }

  @Test
  void createsATemporalEntityAndThenAddsToIt() {
    Http.Response created = createTemporalEntity();
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).contains(TEMPORAL + "/" + ID);

    Http.Response again =
        http.post(
            TEMPORAL,
            """
            {"id": "%s", "type": "Streetlight",
             "powerState": {"type": "Property", "value": "on", "observedAt": "2026-01-02T18:00:00Z"}}
            """
                .formatted(ID));

    assertThat(again.status()).isEqualTo(204);
    assertThat(powerStates()).containsExactly("on", "off", "on");
  }

  @Test
  void leavesTheCurrentStateOfTheEntityAlone() {
    createTemporalEntity();

    assertThat(http.get(ENTITIES + "/" + ID).status()).isEqualTo(404);
  }

  @Test
  void addsInstancesOfAttributes() {
    createTemporalEntity();

    Http.Response response =
        http.post(
            TEMPORAL + "/" + ID + "/attrs",
            """
            {"powerState": [
               {"type": "Property", "value": "dimmed", "observedAt": "2026-01-01T23:00:00Z"}],
             "lampPower": {"type": "Property", "value": 20, "observedAt": "2026-01-01T23:00:00Z"}}
            """);

    assertThat(response.status()).isEqualTo(204);
    assertThat(powerStates()).containsExactly("on", "dimmed", "off");
    assertThat(http.get(TEMPORAL + "/" + ID).json().path("lampPower")).hasSize(2);
  }

  @Test
  void refusesToAddInstancesToAMissingTemporalEntity() {
    createTemporalEntity();

    Http.Response response =
        http.post(
            TEMPORAL + "/urn:ngsi-ld:Streetlight:none/attrs",
            "{\"powerState\": {\"type\": \"Property\", \"value\": \"on\"}}");

    assertThat(response.status()).isEqualTo(404);
  }

  @Test
  void modifiesOneInstanceKeepingItsInstanceId() {
    createTemporalEntity();
    JsonNode first = http.get(TEMPORAL + "/" + ID).json().at("/powerState/0");
    String instanceId = first.path("instanceId").asString();

    Http.Response response =
        http.patch(
            TEMPORAL + "/" + ID + "/attrs/powerState/" + instanceId,
            """
            {"type": "Property", "value": "flickering", "observedAt": "2026-01-01T18:00:00Z",
             "instanceId": "%s"}
            """
                .formatted(instanceId));

    assertThat(response.status()).isEqualTo(204);
    JsonNode modified = http.get(TEMPORAL + "/" + ID).json().at("/powerState/0");
    assertThat(modified.path("value").asString()).isEqualTo("flickering");
    assertThat(modified.path("instanceId").asString()).isEqualTo(instanceId);
    assertThat(
            http.patch(
                    TEMPORAL + "/" + ID + "/attrs/lampPower/" + instanceId,
                    "{\"type\": \"Property\", \"value\": 1}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void deletesOneInstance() {
    createTemporalEntity();
    String instanceId =
        http.get(TEMPORAL + "/" + ID).json().at("/powerState/1/instanceId").asString();

    assertThat(http.delete(TEMPORAL + "/" + ID + "/attrs/powerState/" + instanceId).status())
        .isEqualTo(204);
    assertThat(powerStates()).containsExactly("on");
    assertThat(http.delete(TEMPORAL + "/" + ID + "/attrs/powerState/" + instanceId).status())
        .isEqualTo(404);
  }

  @Test
  void deletesAllInstancesOfAnAttribute() {
    createTemporalEntity();

    assertThat(http.delete(TEMPORAL + "/" + ID + "/attrs/powerState").status()).isEqualTo(204);
    JsonNode entity = http.get(TEMPORAL + "/" + ID).json();
    assertThat(entity.has("powerState")).isFalse();
    assertThat(entity.has("lampPower")).isTrue();
  }

  @Test
  void deletesTheTemporalEntity() {
    createTemporalEntity();

    assertThat(http.delete(TEMPORAL + "/" + ID).status()).isEqualTo(204);
    assertThat(http.get(TEMPORAL + "/" + ID).status()).isEqualTo(404);
    assertThat(http.delete(TEMPORAL + "/" + ID).status()).isEqualTo(404);
  }

  @Test
  void keepsHistoryWhenTheEntityIsDeleted() {
    http.post(ENTITIES, "{\"id\": \"" + ID + "\", \"type\": \"Streetlight\", \"lampPower\": 40}");
    http.delete(ENTITIES + "/" + ID);

    assertThat(http.get(TEMPORAL + "/" + ID).json().path("lampPower")).hasSize(1);
  }

  @Test
  void rejectsATemporalEntityWithoutType() {
    Http.Response response =
        http.post(
            TEMPORAL,
            "{\"id\": \"" + ID + "\", \"lampPower\": {\"type\": \"Property\", \"value\": 1}}");

    assertThat(response.errorType()).isEqualTo("BadRequestData");
  }
}
