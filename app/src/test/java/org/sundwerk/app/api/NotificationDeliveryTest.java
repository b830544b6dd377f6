package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Notifications of entity changes to an HTTP endpoint (clause 5.3, 6.10 binding). */
class NotificationDeliveryTest extends ApiTest {

  static final String SUBSCRIPTIONS = "/ngsi-ld/v1/subscriptions";
  static final Duration WAIT = Duration.ofSeconds(10);

  Receiver receiver;

  @BeforeEach
  void startReceiver() {
    receiver = new Receiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  void subscribe(String members, String notification) {
    Http.Response created =
        http.post(
            SUBSCRIPTIONS,
            """
            {"type": "Subscription", %s,
             "notification": {%s "endpoint": {"uri": "%s",
                "receiverInfo": [{"key": "X-Token", "value": "t0k3n"}]}}}
            """
                .formatted(members, notification, receiver.url("/notify")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  static String sensor(String id, double temperature) {
    return """
        {"id": "%s", "type": "Sensor",
         "temperature": {"type": "Property", "value": %s},
         "humidity": {"type": "Property", "value": 40}}
        """
        .formatted(id, temperature);
  }

  @Test
  void notifiesCreationUpdateAndDeletion() {
    subscribe(
        """
        "entities": [{"type": "Sensor"}],
        "notificationTrigger": ["entityCreated", "attributeUpdated", "entityDeleted"]
        """,
        "");

    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:1", 20));
    JsonNode created = receiver.awaitData(d -> d.at("/temperature/value").asDouble() == 20, WAIT);
    http.patch(ENTITIES + "/urn:ngsi-ld:Sensor:1/attrs", "{\"temperature\": 21}");
    receiver.awaitData(d -> d.at("/temperature/value").asDouble() == 21, WAIT);
    http.delete(ENTITIES + "/urn:ngsi-ld:Sensor:1");
    JsonNode deleted = receiver.awaitData(d -> d.has("deletedAt"), WAIT);

    assertThat(created.path("id").asString()).isEqualTo("urn:ngsi-ld:Sensor:1");
    assertThat(created.path("type").asString()).isEqualTo("Sensor");
    assertThat(deleted.path("id").asString()).isEqualTo("urn:ngsi-ld:Sensor:1");
    Receiver.Received first = receiver.received().getFirst();
    assertThat(first.body().path("type").asString()).isEqualTo("Notification");
    assertThat(first.body().path("id").asString()).startsWith("urn:ngsi-ld:Notification:");
    assertThat(first.body().path("subscriptionId").asString())
        .startsWith("urn:ngsi-ld:Subscription:");
    assertThat(first.body().path("notifiedAt").asString()).endsWith("Z");
    assertThat(first.header("NGSILD-Tenant")).isEqualTo(tenant);
    assertThat(first.header("X-Token")).isEqualTo("t0k3n");
    assertThat(first.header("Content-Type")).isEqualTo("application/json");
    assertThat(first.header("Link")).contains(CORE);
  }

  @Test
  void notifiesOnlyEntitiesThatPassTheQueryFilter() {
    subscribe("\"entities\": [{\"type\": \"Sensor\"}], \"q\": \"temperature>25\"", "");

    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:cold", 10));
    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:hot", 30));
    receiver.awaitData(d -> d.path("id").asString().equals("urn:ngsi-ld:Sensor:hot"), WAIT);
    http.patch(ENTITIES + "/urn:ngsi-ld:Sensor:cold/attrs", "{\"temperature\": 26}");
    receiver.awaitData(d -> d.at("/temperature/value").asDouble() == 26, WAIT);

    assertThat(receiver.data())
        .allSatisfy(d -> assertThat(d.at("/temperature/value").asDouble()).isGreaterThan(25));
  }

  @Test
  void notifiesOnlyChangesOfWatchedAttributes() {
    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:w", 10));
    subscribe("\"entities\": [{\"type\": \"Sensor\"}], \"watchedAttributes\": [\"humidity\"]", "");

    http.patch(ENTITIES + "/urn:ngsi-ld:Sensor:w/attrs", "{\"temperature\": 11}");
    http.patch(ENTITIES + "/urn:ngsi-ld:Sensor:w/attrs", "{\"humidity\": 55}");
    receiver.awaitData(d -> d.at("/humidity/value").asInt() == 55, WAIT);
    Receiver.sleep(200);

    assertThat(receiver.data()).hasSize(1);
    assertThat(receiver.data().getFirst().at("/temperature/value").asDouble()).isEqualTo(11);
  }

  @Test
  void rendersKeyValuesWithTheRequestedAttributes() {
    subscribe(
        "\"entities\": [{\"type\": \"Sensor\"}]",
        "\"format\": \"keyValues\", \"attributes\": [\"temperature\"],");

    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:kv", 17.5));
    JsonNode data = receiver.awaitData(d -> d.has("temperature"), WAIT);

    assertThat(data.path("temperature").asDouble()).isEqualTo(17.5);
    assertThat(data.has("humidity")).isFalse();
    assertThat(data.path("id").asString()).isEqualTo("urn:ngsi-ld:Sensor:kv");
  }

  @Test
  void showsPreviousValuesWhenAskedTo() {
    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:sc", 10));
    subscribe("\"entities\": [{\"type\": \"Sensor\"}]", "\"showChanges\": true,");

    http.patch(ENTITIES + "/urn:ngsi-ld:Sensor:sc/attrs", "{\"temperature\": 12}");
    JsonNode data = receiver.awaitData(d -> d.has("temperature"), WAIT);

    assertThat(data.at("/temperature/value").asDouble()).isEqualTo(12);
    assertThat(data.at("/temperature/previousValue").asDouble()).isEqualTo(10);
    assertThat(data.at("/humidity/previousValue").isMissingNode()).isTrue();
  }

  @Test
  void recordsDeliveryStatusOnTheSubscription() {
    subscribe(
        "\"id\": \"urn:ngsi-ld:Subscription:st\", \"entities\": [{\"type\": \"Sensor\"}]", "");

    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:st", 1));
    receiver.awaitData(d -> true, WAIT);
    JsonNode notification = awaitStatus("urn:ngsi-ld:Subscription:st", "lastSuccess");

    assertThat(notification.path("timesSent").asLong()).isEqualTo(1);
    assertThat(notification.path("status").asString()).isEqualTo("ok");
    assertThat(notification.path("lastNotification").asString())
        .isEqualTo(notification.path("lastSuccess").asString());
  }

  @Test
  void retriesAFailingEndpointUntilItAccepts() {
    subscribe(
        "\"id\": \"urn:ngsi-ld:Subscription:rt\", \"entities\": [{\"type\": \"Sensor\"}]", "");
    receiver.failWith(500);

    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:rt", 1));
    JsonNode failed = awaitStatus("urn:ngsi-ld:Subscription:rt", "lastFailure");
    receiver.succeed();
    receiver.awaitData(d -> d.path("id").asString().equals("urn:ngsi-ld:Sensor:rt"), WAIT);

    assertThat(failed.path("status").asString()).isEqualTo("failed");
    assertThat(failed.path("timesFailed").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(receiver.refused()).isGreaterThanOrEqualTo(1);
  }

  /**
   * The SSRF guard runs when a notification is sent, not when the subscription is created: an
   * endpoint that is refused (an internal address) or does not resolve (offline, or a host that
   * does not exist yet) is accepted, and each refused delivery is a failure in the status.
   */
  @ParameterizedTest
  @ValueSource(strings = {"http://192.168.1.1/notify", "https://sundwerk-test.invalid/hook"})
  void checksTheEndpointWhenDeliveringAndRecordsARefusal(String endpoint) {
    Http.Response created =
        http.post(
            SUBSCRIPTIONS,
            """
            {"id": "urn:ngsi-ld:Subscription:guarded", "type": "Subscription",
             "entities": [{"type": "Sensor"}], "notification": {"endpoint": {"uri": "%s"}}}
            """
                .formatted(endpoint));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:guarded", 1));
    JsonNode failed = awaitStatus("urn:ngsi-ld:Subscription:guarded", "lastFailure");

    assertThat(failed.path("status").asString()).isEqualTo("failed");
    assertThat(failed.path("timesFailed").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(failed.has("lastSuccess")).isFalse();
  }

  @Test
  void pausedSubscriptionsDoNotNotify() {
    subscribe("\"entities\": [{\"type\": \"Sensor\"}], \"isActive\": false", "");
    subscribe("\"entities\": [{\"type\": \"Other\"}]", "");

    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:p", 1));
    http.post(ENTITIES, "{\"id\": \"urn:ngsi-ld:Other:1\", \"type\": \"Other\", \"a\": 1}");
    receiver.awaitData(d -> d.path("type").asString().equals("Other"), WAIT);
    Receiver.sleep(200);

    assertThat(receiver.data()).extracting(d -> d.path("type").asString()).containsOnly("Other");
  }

  @Test
  void throttlingSpacesNotifications() {
    subscribe("\"entities\": [{\"type\": \"Sensor\"}], \"throttling\": 1", "");

    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:th", 1));
    receiver.awaitData(d -> d.at("/temperature/value").asDouble() == 1, WAIT);
    http.patch(ENTITIES + "/urn:ngsi-ld:Sensor:th/attrs", "{\"temperature\": 2}");
    receiver.awaitData(d -> d.at("/temperature/value").asDouble() == 2, WAIT);

    var received = receiver.received();
    assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void periodicSubscriptionsSendTheCurrentState() {
    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:per", 5));
    subscribe("\"entities\": [{\"type\": \"Sensor\"}], \"timeInterval\": 1", "");

    receiver.awaitData(d -> d.path("id").asString().equals("urn:ngsi-ld:Sensor:per"), WAIT);
    Receiver.sleep(2_200);

    assertThat(receiver.received().size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void ldJsonNotificationsCarryTheContext() {
    http.post(
        SUBSCRIPTIONS,
        """
        {"type": "Subscription", "entities": [{"type": "Sensor"}],
         "notification": {"endpoint": {"uri": "%s", "accept": "application/ld+json"}}}
        """
            .formatted(receiver.url("/ld")));

    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:ld", 1));
    receiver.awaitData(d -> true, WAIT);

    Receiver.Received first = receiver.received().getFirst();
    assertThat(first.body().path("@context").asString()).isEqualTo(CORE);
    assertThat(first.header("Content-Type")).isEqualTo("application/ld+json");
  }

  JsonNode awaitStatus(String id, String member) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode notification = http.get(SUBSCRIPTIONS + "/" + id).json().path("notification");
      if (notification.has(member)) {
        return notification;
      }
      Receiver.sleep(50);
    }
    throw new AssertionError("subscription " + id + " never got " + member);
  }
}
