package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.broker.subscription.DeliveryStatus;
import org.sundwerk.broker.subscription.Subscription;
import org.sundwerk.broker.subscription.SubscriptionJson;
import org.sundwerk.broker.subscription.SubscriptionOwner;
import org.sundwerk.broker.subscription.SubscriptionStore;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract of {@link JdbcSubscriptionStore} on every backend: subclass it and return a fresh,
 * empty database.
 */
abstract class SubscriptionStoreContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private StoreDatabase database;
  private SubscriptionStore store;

  abstract StoreDatabase openDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = openDatabase();
    store = new JdbcSubscriptionStore(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void createsFindsAndListsPerTenantInCreationOrder() {
    Subscription first = subscription("urn:ngsi-ld:Subscription:b", "T");
    Subscription second = subscription("urn:ngsi-ld:Subscription:a", "U");

    assertThat(store.create("t1", first)).isTrue();
    assertThat(store.create("t1", second)).isTrue();
    assertThat(store.create("t1", first)).as("a second create of the same id").isFalse();
    assertThat(store.create("t2", first)).as("ids are per tenant").isTrue();

    assertThat(store.find("t1", first.id())).contains(first);
    assertThat(store.find("t3", first.id())).isEmpty();
    assertThat(store.list("t1", 10, 0)).containsExactly(first, second);
    assertThat(store.list("t1", 1, 1)).containsExactly(second);
    assertThat(store.count("t1")).isEqualTo(2);
    assertThat(store.all()).containsOnlyKeys("t1", "t2");
    assertThat(store.all().get("t1")).containsExactly(first, second);
  }

  @Test
  void keepsTheOwnerAndListsAndCountsPerParty() {
    SubscriptionOwner a = new SubscriptionOwner("account:a", "key:1");
    Subscription ofA = subscription("urn:ngsi-ld:Subscription:1", "T").withOwner(Optional.of(a));
    Subscription ofB =
        subscription("urn:ngsi-ld:Subscription:2", "T")
            .withOwner(Optional.of(new SubscriptionOwner("account:b", "account:b")));
    Subscription ofNobody = subscription("urn:ngsi-ld:Subscription:3", "T");
    store.create("t", ofA);
    store.create("t", ofB);
    store.create("t", ofNobody);

    assertThat(store.find("t", ofA.id()).orElseThrow().owner()).contains(a);
    assertThat(store.find("t", ofNobody.id()).orElseThrow().owner()).isEmpty();
    assertThat(store.list("t", Optional.of("account:a"), 10, 0)).containsExactly(ofA);
    assertThat(store.count("t", Optional.of("account:b"))).isEqualTo(1);
    assertThat(store.count("t", Optional.of("account:c"))).isZero();
    assertThat(store.list("t", 10, 0)).containsExactly(ofA, ofB, ofNobody);
    assertThat(store.replace("t", subscription(ofA.id(), "U"))).isTrue();
    assertThat(store.find("t", ofA.id()).orElseThrow().owner())
        .as("a replaced definition keeps its owner")
        .contains(a);
  }

  @Test
  void replacesTheDefinitionAndKeepsTheDeliveryStatus() {
    Subscription original = subscription("urn:ngsi-ld:Subscription:r", "T");
    store.create("t", original);
    store.recordDeliveries(
        "t", original.id(), 3, 1, Optional.of(T0), Optional.of(T0.plusSeconds(5)));

    Subscription replacement = subscription(original.id(), "U");
    assertThat(store.replace("t", replacement)).isTrue();
    assertThat(store.replace("t", subscription("urn:ngsi-ld:Subscription:none", "T"))).isFalse();

    Subscription stored = store.find("t", original.id()).orElseThrow();
    assertThat(stored.entities()).isEqualTo(replacement.entities());
    assertThat(stored.status().timesSent()).isEqualTo(3);
    assertThat(stored.status().timesFailed()).isEqualTo(1);
  }

  @Test
  void addsDeliveryOutcomesToTheCounters() {
    Subscription subscription = subscription("urn:ngsi-ld:Subscription:d", "T");
    store.create("t", subscription);

    store.recordDeliveries("t", subscription.id(), 2, 0, Optional.of(T0), Optional.empty());
    store.recordDeliveries(
        "t", subscription.id(), 1, 1, Optional.empty(), Optional.of(T0.plusSeconds(1)));

    DeliveryStatus status = store.find("t", subscription.id()).orElseThrow().status();
    assertThat(status.timesSent()).isEqualTo(3);
    assertThat(status.timesFailed()).isEqualTo(1);
    assertThat(status.lastSuccess()).contains(T0);
    assertThat(status.lastFailure()).contains(T0.plusSeconds(1));
    assertThat(status.state()).isEqualTo("failed");
  }

  @Test
  void deletesOnlyTheTenantsSubscription() {
    Subscription subscription = subscription("urn:ngsi-ld:Subscription:x", "T");
    store.create("t1", subscription);
    store.create("t2", subscription);

    assertThat(store.delete("t1", subscription.id())).isTrue();
    assertThat(store.delete("t1", subscription.id())).isFalse();

    assertThat(store.find("t1", subscription.id())).isEmpty();
    assertThat(store.find("t2", subscription.id())).isPresent();
    assertThat(store.count("t1")).isZero();
  }

  private static Subscription subscription(String id, String type) {
    return SubscriptionJson.read(
        JSON.readTree(
            """
            {"id": "%s", "type": "Subscription", "entities": [{"type": "%s"}],
             "q": "temperature>20", "notification": {"endpoint": {"uri": "http://example.org/n"}}}
            """
                .formatted(id, type)),
        TermDictionary.IDENTITY,
        Optional.empty(),
        T0);
  }
}
