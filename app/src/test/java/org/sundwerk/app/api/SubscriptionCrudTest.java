package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Create, retrieve, query, update and delete subscriptions (clause 5.8, 6.10, 6.11). */
class SubscriptionCrudTest extends ApiTest {

  static final String SUBSCRIPTIONS = "/ngsi-ld/v1/subscriptions";

  static String subscription(String id, String extra) {
    return """
        {"id": "%s", "type": "Subscription",
         "entities": [{"type": "OffStreetParking"}],
         "watchedAttributes": ["availableSpotNumber"],
         "q": "availableSpotNumber<50",
         "notification": {"attributes": ["availableSpotNumber"], "format": "keyValues",
           "endpoint": {"uri": "http://127.0.0.1:9/notify", "accept": "application/json",
                        "receiverInfo": [{"key": "X-Auth", "value": "secret"}]}}%s}
        """
        .formatted(id, extra);
  }

  @Test
  void createsASubscriptionAndAnswersWithItsLocation() {
    Http.Response created =
        http.post(SUBSCRIPTIONS, subscription("urn:ngsi-ld:Subscription:s1", ""));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).hasValue(SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:s1");
  }

  @Test
  void generatesAnIdWhenNoneIsGiven() {
    String body = subscription("x", "").replace("\"id\": \"x\",", "");

    Http.Response created = http.post(SUBSCRIPTIONS, body);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location").orElseThrow())
        .matches(SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:[0-9a-f-]{36}");
    assertThat(http.get(created.header("Location").orElseThrow()).status()).isEqualTo(200);
  }

  @Test
  void retrievesTheSubscriptionWithCompactedNamesAndStatus() {
    http.post(SUBSCRIPTIONS, subscription("urn:ngsi-ld:Subscription:s2", ""));

    var got = http.get(SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:s2");

    assertThat(got.status()).isEqualTo(200);
    var json = got.json();
    assertThat(json.path("type").asString()).isEqualTo("Subscription");
    assertThat(json.at("/entities/0/type").asString()).isEqualTo("OffStreetParking");
    assertThat(json.at("/watchedAttributes/0").asString()).isEqualTo("availableSpotNumber");
    assertThat(json.path("q").asString()).isEqualTo("availableSpotNumber<50");
    assertThat(json.path("isActive").asBoolean()).isTrue();
    assertThat(json.path("status").asString()).isEqualTo("active");
    assertThat(json.at("/notificationTrigger").toString())
        .isEqualTo("[\"attributeCreated\",\"attributeUpdated\"]");
    assertThat(json.at("/notification/format").asString()).isEqualTo("keyValues");
    assertThat(json.at("/notification/attributes/0").asString()).isEqualTo("availableSpotNumber");
    assertThat(json.at("/notification/endpoint/uri").asString())
        .isEqualTo("http://127.0.0.1:9/notify");
    assertThat(json.at("/notification/endpoint/receiverInfo/0/key").asString()).isEqualTo("X-Auth");
    assertThat(json.at("/notification/timesSent").asLong()).isZero();
  }

  @Test
  void storesNamesExpandedWithTheRequestContext() {
    Http withContext = http.link(TestContexts.PARKING);
    withContext.post(SUBSCRIPTIONS, subscription("urn:ngsi-ld:Subscription:ctx", ""));

    var core = http.get(SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:ctx").json();
    var compacted = withContext.get(SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:ctx").json();

    assertThat(core.at("/entities/0/type").asString())
        .isEqualTo("https://smartdatamodels.org/dataModel.Parking/OffStreetParking");
    assertThat(compacted.at("/entities/0/type").asString()).isEqualTo("OffStreetParking");
    assertThat(compacted.path("jsonldContext").asString()).isEqualTo(TestContexts.PARKING);
  }

  @Test
  void refusesADuplicateId() {
    http.post(SUBSCRIPTIONS, subscription("urn:ngsi-ld:Subscription:dup", ""));

    Http.Response again =
        http.post(SUBSCRIPTIONS, subscription("urn:ngsi-ld:Subscription:dup", ""));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorType()).isEqualTo("AlreadyExists");
  }

  @Test
  void listsSubscriptionsInPagesWithACount() {
    for (int i = 0; i < 3; i++) {
      http.post(SUBSCRIPTIONS, subscription("urn:ngsi-ld:Subscription:p" + i, ""));
    }

    Http.Response page = http.get(SUBSCRIPTIONS + "?limit=2&offset=1&count=true");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().size()).isEqualTo(2);
    assertThat(page.json().get(0).path("id").asString()).isEqualTo("urn:ngsi-ld:Subscription:p1");
    assertThat(page.header("NGSILD-Results-Count")).hasValue("3");
    assertThat(page.header("Link")).hasValueSatisfying(link -> assertThat(link).contains(CORE));
  }

  @Test
  void subscriptionsBelongToTheirTenant() {
    http.post(SUBSCRIPTIONS, subscription("urn:ngsi-ld:Subscription:mine", ""));

    Http other = new Http(port).tenant(tenant + "x");

    assertThat(other.get(SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:mine").status()).isEqualTo(404);
    assertThat(other.get(SUBSCRIPTIONS).json().size()).isZero();
  }

  @Test
  void updateMergesTheGivenMembers() {
    http.post(SUBSCRIPTIONS, subscription("urn:ngsi-ld:Subscription:u", ""));

    Http.Response patched =
        http.patch(
            SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:u",
            """
            {"isActive": false, "throttling": 5, "notification": {"format": "concise"}}
            """);

    assertThat(patched.status()).isEqualTo(204);
    var json = http.get(SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:u").json();
    assertThat(json.path("isActive").asBoolean()).isFalse();
    assertThat(json.path("status").asString()).isEqualTo("paused");
    assertThat(json.path("throttling").asInt()).isEqualTo(5);
    assertThat(json.path("q").asString()).isEqualTo("availableSpotNumber<50");
    assertThat(json.at("/notification/format").asString()).isEqualTo("concise");
    assertThat(json.at("/notification/endpoint/uri").asString())
        .isEqualTo("http://127.0.0.1:9/notify");
  }

  @Test
  void reportsAnExpiredSubscription() {
    http.post(
        SUBSCRIPTIONS,
        subscription("urn:ngsi-ld:Subscription:old", ", \"expiresAt\": \"2020-01-01T00:00:00Z\""));

    var json = http.get(SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:old").json();

    assertThat(json.path("status").asString()).isEqualTo("expired");
    assertThat(json.path("expiresAt").asString()).isEqualTo("2020-01-01T00:00:00.000Z");
  }

  @Test
  void deletesASubscription() {
    http.post(SUBSCRIPTIONS, subscription("urn:ngsi-ld:Subscription:d", ""));

    assertThat(http.delete(SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:d").status()).isEqualTo(204);
    assertThat(http.get(SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:d").status()).isEqualTo(404);
    assertThat(http.delete(SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:d").errorType())
        .isEqualTo("ResourceNotFound");
  }

  @Test
  void rejectsInvalidSubscriptions() {
    String valid = subscription("urn:ngsi-ld:Subscription:v", "");
    String[] invalid = {
      valid.replace("\"type\": \"Subscription\"", "\"type\": \"Sub\""),
      valid.replace("\"q\": \"availableSpotNumber<50\"", "\"q\": \"availableSpotNumber<<\""),
      valid.replace("http://127.0.0.1:9/notify", "ftp://127.0.0.1/x"),
      valid.replace("http://127.0.0.1:9/notify", "not a uri"),
      valid.replace("\"format\": \"keyValues\"", "\"format\": \"fancy\""),
      valid.replace("\"application/json\"", "\"text/plain\""),
      subscription("urn:ngsi-ld:Subscription:v", ", \"notificationTrigger\": [\"entityExploded\"]"),
      subscription("urn:ngsi-ld:Subscription:v", ", \"timeInterval\": 10"),
      subscription("urn:ngsi-ld:Subscription:v", ", \"throttling\": -1"),
      subscription("urn:ngsi-ld:Subscription:v", ", \"expiresAt\": \"tomorrow\""),
      """
      {"type": "Subscription", "notification": {"endpoint": {"uri": "http://127.0.0.1:9/"}}}
      """,
      """
      {"type": "Subscription", "entities": [{"type": "T"}]}
      """,
      """
      {"type": "Subscription", "entities": [{"id": "urn:a"}],
       "notification": {"endpoint": {"uri": "http://127.0.0.1:9/"}}}
      """
    };
    for (String body : invalid) {
      Http.Response response = http.post(SUBSCRIPTIONS, body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.errorType()).as(body).isEqualTo("BadRequestData");
    }
  }
}
