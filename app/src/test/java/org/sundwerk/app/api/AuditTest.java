package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sundwerk.app.TestKeys;
import tools.jackson.databind.JsonNode;

/**
 * The audit log over HTTP: every successful write and admin action is recorded with who, what, on
 * what and from where; reads, refused and failed requests are not; operators read their tenant's
 * log only.
 */
class AuditTest extends ApiTest {

  static final String GARAGE = "urn:ngsi-ld:OffStreetParking:audited";
  static final String GARAGE_JSON =
      """
      {"id": "%s", "type": "OffStreetParking",
       "availableSpotNumber": {"type": "Property", "value": 1}}
      """
          .formatted(GARAGE);

  @Test
  void recordsEveryWriteWithActorOperationTargetAndSource() {
    assertThat(http.post(ENTITIES, GARAGE_JSON).status()).isEqualTo(201);
    assertThat(
            http.patch(
                    ENTITIES + "/" + GARAGE + "/attrs",
                    "{\"availableSpotNumber\": {\"type\": \"Property\", \"value\": 2}}")
                .status())
        .isEqualTo(204);
    assertThat(
            http.post(
                    "/ngsi-ld/v1/entityOperations/upsert",
                    "[{\"id\": \"urn:ngsi-ld:OffStreetParking:b\", \"type\": \"OffStreetParking\"}]")
                .status())
        .isBetween(200, 204);
    assertThat(http.delete(ENTITIES + "/" + GARAGE).status()).isEqualTo(204);

    List<JsonNode> events = audit(http, tenant);

    assertThat(events)
        .extracting(e -> e.path("action").asString())
        .containsExactly(
            "DELETE /ngsi-ld/v1/entities/{id}",
            "POST /ngsi-ld/v1/entityOperations/upsert",
            "PATCH /ngsi-ld/v1/entities/{id}/attrs",
            "POST /ngsi-ld/v1/entities");
    assertThat(events)
        .allSatisfy(
            e -> assertThat(e.path("actor").asString()).isEqualTo("key:bootstrap of platform"));
    assertThat(events).allSatisfy(e -> assertThat(e.path("tenant").asString()).isEqualTo(tenant));
    assertThat(events)
        .allSatisfy(e -> assertThat(e.path("source").asString()).isEqualTo("127.0.0.1"));
    assertThat(events)
        .extracting(e -> e.path("target").asString())
        .containsExactly(GARAGE, "", GARAGE, GARAGE);
  }

  @Test
  void readsQueriesRefusedAndFailedRequestsAreNotRecorded() {
    http.get(ENTITIES + "?type=OffStreetParking");
    http.post(
        "/ngsi-ld/v1/entityOperations/query",
        "{\"type\": \"Query\", \"entities\": [{\"type\": \"X\"}]}");
    assertThat(http.anonymous().post(ENTITIES, GARAGE_JSON).status()).isEqualTo(401);
    assertThat(http.patch(ENTITIES + "/urn:ngsi-ld:X:missing/attrs", "{\"a\": 1}").status())
        .isEqualTo(404);

    assertThat(audit(http, tenant)).isEmpty();
  }

  @Test
  void recordsAdminActionsUnderTheirTenant() {
    AdminCalls admin = new AdminCalls(http, tenant);
    String account = admin.account();
    admin.grantOperator(account, tenant);
    String key = admin.key(account, tenant, "read");

    List<JsonNode> events = audit(http, tenant);

    assertThat(events)
        .extracting(e -> e.path("action").asString() + " " + e.path("target").asString())
        .contains(
            "POST /api/v1/admin/accounts/{id}/keys " + account,
            "POST /api/v1/admin/accounts/{id}/roles " + account,
            "POST /api/v1/admin/accounts " + account);
    assertThat(events.toString()).doesNotContain(TestKeys.secretOf(key));
  }

  @Test
  void anOperatorReadsOnlyTheLogOfItsTenant() {
    String operatorKey = new AdminCalls(http, tenant).operatorKey();
    Http operator = http.key(operatorKey);
    assertThat(operator.post(ENTITIES, GARAGE_JSON).status()).isEqualTo(201);

    List<JsonNode> own = audit(operator, tenant);
    Http.Response other = operator.get("/api/v1/audit?tenant=someoneelse");
    Http.Response anonymous = http.anonymous().get("/api/v1/audit?tenant=" + tenant);

    assertThat(own)
        .anySatisfy(
            e ->
                assertThat(e.path("actor").asString()).startsWith("key:").contains(" of account:"));
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.json().path("type").asString()).isEqualTo("about:blank");
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void filtersByTimeAndLimits() {
    http.post(ENTITIES, GARAGE_JSON);
    http.delete(ENTITIES + "/" + GARAGE);

    assertThat(audit(http, tenant, "&limit=1")).hasSize(1);
    assertThat(audit(http, tenant, "&from=2999-01-01T00:00:00Z")).isEmpty();
    assertThat(audit(http, tenant, "&to=2000-01-01T00:00:00Z")).isEmpty();
    Http.Response bad = http.get("/api/v1/audit?tenant=" + tenant + "&from=yesterday");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("detail").asString()).contains("ISO-8601");
  }

  static List<JsonNode> audit(Http client, String tenant) {
    return audit(client, tenant, "");
  }

  static List<JsonNode> audit(Http client, String tenant, String more) {
    Http.Response answer = client.get("/api/v1/audit?tenant=" + tenant + more);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    answer.json().forEach(events::add);
    return events;
  }
}
