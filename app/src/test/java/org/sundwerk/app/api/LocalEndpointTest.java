package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.app.security.SubscriptionOwners;
import org.sundwerk.broker.subscription.DeliveryStatus;
import org.sundwerk.broker.subscription.LocalEndpoints;
import org.sundwerk.broker.subscription.SubscriptionOperations;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's in-process notification endpoints ({@code local:<name>}): delivered through the
 * outbox like HTTP ones (once per change, retried after a failure, held while no receiver is
 * registered), created only by platform code, refused and hidden by the NGSI-LD API.
 */
class LocalEndpointTest extends ApiTest {

  static final String SUBSCRIPTIONS = "/ngsi-ld/v1/subscriptions";
  static final Duration WAIT = Duration.ofSeconds(10);
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired LocalEndpoints local;
  @Autowired SubscriptionOperations subscriptions;
  @Autowired ContextResolver contexts;

  final List<String> registered = new ArrayList<>();

  /** One delivered notification as the receiver saw it. */
  record Delivery(String tenant, String subscriptionId, JsonNode notification) {}

  @AfterEach
  void unregister() {
    registered.forEach(local::unregister);
  }

  String name() {
    String name = "test-" + tenant;
    registered.add(name);
    return name;
  }

  void subscribePlatform(String id, String name) {
    subscriptions
        .create()
        .platform(
            tenant,
            Optional.of(SubscriptionOwners.platformFeature()),
            JSON.readTree(
                """
                {"id": "%s", "type": "Subscription", "entities": [{"type": "Sensor"}],
                 "notification": {"endpoint": {"uri": "local:%s"}}}
                """
                    .formatted(id, name)),
            contexts.defaultDictionary(),
            Optional.empty());
  }

  static String sensor(String id, double temperature) {
    return """
        {"id": "%s", "type": "Sensor", "temperature": {"type": "Property", "value": %s}}
        """
        .formatted(id, temperature);
  }

  static Delivery next(LinkedBlockingQueue<Delivery> queue) throws InterruptedException {
    Delivery delivery = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(delivery).as("a notification within " + WAIT).isNotNull();
    return delivery;
  }

  static double temperature(Delivery delivery) {
    return delivery.notification().at("/data/0/temperature/value").asDouble();
  }

  @Test
  void notifiesALocalReceiverOncePerChange() throws Exception {
    String name = name();
    LinkedBlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    local.register(name, (t, s, n) -> received.add(new Delivery(t, s, n)));
    subscribePlatform("urn:ngsi-ld:Subscription:local-once", name);

    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:l1", 20));
    Delivery created = next(received);
    http.patch(ENTITIES + "/urn:ngsi-ld:Sensor:l1/attrs", "{\"temperature\": 21}");
    Delivery patched = next(received);
    // A third change marks the end: had either change been delivered twice, it would come first.
    http.patch(ENTITIES + "/urn:ngsi-ld:Sensor:l1/attrs", "{\"temperature\": 22}");
    Delivery last = next(received);

    assertThat(List.of(temperature(created), temperature(patched), temperature(last)))
        .containsExactly(20.0, 21.0, 22.0);
    assertThat(created.tenant()).isEqualTo(tenant);
    assertThat(created.subscriptionId()).isEqualTo("urn:ngsi-ld:Subscription:local-once");
    assertThat(created.notification().path("type").asString()).isEqualTo("Notification");
    assertThat(created.notification().at("/data/0/id").asString())
        .isEqualTo("urn:ngsi-ld:Sensor:l1");
    assertThat(created.notification().at("/data/0/temperature/type").asString())
        .isEqualTo("Property");
  }

  @Test
  void retriesAfterTheReceiverThrew() throws Exception {
    String name = name();
    AtomicInteger calls = new AtomicInteger();
    LinkedBlockingQueue<Delivery> accepted = new LinkedBlockingQueue<>();
    local.register(
        name,
        (t, s, n) -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("busy");
          }
          accepted.add(new Delivery(t, s, n));
        });
    subscribePlatform("urn:ngsi-ld:Subscription:local-retry", name);

    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:l2", 7));
    Delivery delivery = next(accepted);

    assertThat(temperature(delivery)).isEqualTo(7.0);
    assertThat(calls.get()).isEqualTo(2);
    DeliveryStatus status =
        subscriptions.retrieve().handle(tenant, "urn:ngsi-ld:Subscription:local-retry").status();
    assertThat(status.timesFailed()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void holdsNotificationsUntilAReceiverIsRegistered() throws Exception {
    String name = name();
    subscribePlatform("urn:ngsi-ld:Subscription:local-late", name);

    http.post(ENTITIES, sensor("urn:ngsi-ld:Sensor:l3", 3));
    awaitFailure("urn:ngsi-ld:Subscription:local-late");
    LinkedBlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    local.register(name, (t, s, n) -> received.add(new Delivery(t, s, n)));

    assertThat(temperature(next(received))).isEqualTo(3.0);
  }

  @Test
  void theApiRefusesLocalEndpoints() {
    Http.Response created =
        http.post(
            SUBSCRIPTIONS,
            """
            {"type": "Subscription", "entities": [{"type": "Sensor"}],
             "notification": {"endpoint": {"uri": "local:portal-map"}}}
            """);
    http.post(
        SUBSCRIPTIONS,
        """
        {"id": "urn:ngsi-ld:Subscription:mine", "type": "Subscription",
         "entities": [{"type": "Sensor"}],
         "notification": {"endpoint": {"uri": "http://127.0.0.1:9/notify"}}}
        """);
    Http.Response redirected =
        http.patch(
            SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:mine",
            "{\"notification\": {\"endpoint\": {\"uri\": \"local:alerts\"}}}");

    assertThat(created.status()).as(created.toString()).isEqualTo(400);
    assertThat(created.json().path("type").asString()).endsWith("BadRequestData");
    assertThat(redirected.status()).as(redirected.toString()).isEqualTo(400);
    assertThat(redirected.json().path("type").asString()).endsWith("BadRequestData");
  }

  @Test
  void theApiHidesThePlatformsSubscriptionsEvenFromOperators() {
    subscribePlatform("urn:ngsi-ld:Subscription:platform", name());
    String path = SUBSCRIPTIONS + "/urn:ngsi-ld:Subscription:platform";

    int read = http.get(path).status();
    int changed =
        http.patch(path, "{\"notification\": {\"endpoint\": {\"uri\": \"http://127.0.0.1:9/\"}}}")
            .status();
    int deleted = http.delete(path).status();

    assertThat(List.of(read, changed, deleted)).containsOnly(404);
    assertThat(http.get(SUBSCRIPTIONS).json().toString()).doesNotContain("platform");
    assertThat(subscriptions.retrieve().handle(tenant, "urn:ngsi-ld:Subscription:platform").id())
        .isEqualTo("urn:ngsi-ld:Subscription:platform");
  }

  private void awaitFailure(String id) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (subscriptions.retrieve().handle(tenant, id).status().lastFailure().isEmpty()) {
      assertThat(System.nanoTime()).as("a failed delivery within " + WAIT).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
