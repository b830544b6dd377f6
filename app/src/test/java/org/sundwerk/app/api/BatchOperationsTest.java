package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Batch operations (clauses 5.6.7 to 5.6.10, 5.6.20) under /entityOperations. */
class BatchOperationsTest extends ApiTest {

  private static final String OPS = "/ngsi-ld/v1/entityOperations";

  private static String lamp(int n, double power) {
    return "{\"id\": \"urn:ngsi-ld:Streetlight:%d\", \"type\": \"Streetlight\", \"powerState\": \"on\", \"power\": %s}"
        .formatted(n, power);
  }

  @Test
  void createsAllAndListsTheirIds() {
    Http.Response response =
        http.post(OPS + "/create", "[" + lamp(1, 30) + "," + lamp(2, 31) + "]");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().size()).isEqualTo(2);
    assertThat(http.get(ENTITIES + "?type=Streetlight").json().size()).isEqualTo(2);
  }

  @Test
  void reportsEachFailedEntityOnItsOwn() {
    http.post(ENTITIES, lamp(1, 30));

    Http.Response response =
        http.post(
            OPS + "/create",
            "[" + lamp(1, 30) + "," + lamp(2, 31) + ", {\"id\": \"bad id\", \"type\": \"T\"}]");

    assertThat(response.status()).isEqualTo(207);
    assertThat(response.json().at("/success/0").asString()).isEqualTo("urn:ngsi-ld:Streetlight:2");
    assertThat(response.json().path("errors").size()).isEqualTo(2);
    assertThat(response.json().at("/errors/0/error/type").asString()).contains("BadRequestData");
    assertThat(response.json().at("/errors/1/entityId").asString())
        .isEqualTo("urn:ngsi-ld:Streetlight:1");
    assertThat(response.json().at("/errors/1/error/type").asString()).contains("AlreadyExists");
  }

  @Test
  void upsertsCreatingAndReplacing() {
    http.post(ENTITIES, lamp(1, 30));

    Http.Response response =
        http.post(
            OPS + "/upsert",
            "[{\"id\": \"urn:ngsi-ld:Streetlight:1\", \"type\": \"Streetlight\", \"power\": 40},"
                + lamp(2, 31)
                + "]");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().size()).isEqualTo(1);
    var first = http.get(ENTITIES + "/urn:ngsi-ld:Streetlight:1").json();
    assertThat(first.at("/power/value").asInt()).isEqualTo(40);
    assertThat(first.has("powerState")).isFalse();
  }

  @Test
  void upsertsWithUpdateKeepingOtherAttributes() {
    http.post(ENTITIES, lamp(1, 30));

    Http.Response response =
        http.post(
            OPS + "/upsert?options=update",
            "[{\"id\": \"urn:ngsi-ld:Streetlight:1\", \"type\": \"Streetlight\", \"power\": 40}]");

    assertThat(response.status()).isEqualTo(204);
    var first = http.get(ENTITIES + "/urn:ngsi-ld:Streetlight:1").json();
    assertThat(first.at("/power/value").asInt()).isEqualTo(40);
    assertThat(first.at("/powerState/value").asString()).isEqualTo("on");
  }

  @Test
  void updatesExistingEntitiesAndReportsMissingOnes() {
    http.post(ENTITIES, lamp(1, 30));

    Http.Response response =
        http.post(
            OPS + "/update",
            "[{\"id\": \"urn:ngsi-ld:Streetlight:1\", \"power\": 10}, {\"id\": \"urn:ngsi-ld:Streetlight:9\", \"power\": 10}]");

    assertThat(response.status()).isEqualTo(207);
    assertThat(response.json().at("/errors/0/entityId").asString())
        .isEqualTo("urn:ngsi-ld:Streetlight:9");
    assertThat(http.get(ENTITIES + "/urn:ngsi-ld:Streetlight:1").json().at("/power/value").asInt())
        .isEqualTo(10);
  }

  @Test
  void mergesFragments() {
    http.post(ENTITIES, lamp(1, 30));

    Http.Response response =
        http.post(
            OPS + "/merge", "[{\"id\": \"urn:ngsi-ld:Streetlight:1\", \"powerState\": \"off\"}]");

    assertThat(response.status()).isEqualTo(204);
    var lamp = http.get(ENTITIES + "/urn:ngsi-ld:Streetlight:1").json();
    assertThat(lamp.at("/powerState/value").asString()).isEqualTo("off");
    assertThat(lamp.at("/power/value").asInt()).isEqualTo(30);
  }

  @Test
  void deletesByIds() {
    http.post(ENTITIES, lamp(1, 30));
    http.post(ENTITIES, lamp(2, 30));

    Http.Response response =
        http.post(
            OPS + "/delete",
            "[\"urn:ngsi-ld:Streetlight:1\", \"urn:ngsi-ld:Streetlight:2\", \"urn:ngsi-ld:Streetlight:3\"]");

    assertThat(response.status()).isEqualTo(207);
    assertThat(response.json().path("success").size()).isEqualTo(2);
    assertThat(response.json().at("/errors/0/entityId").asString())
        .isEqualTo("urn:ngsi-ld:Streetlight:3");
  }
}
