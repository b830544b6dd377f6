package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Registration;
import org.sundwerk.access.account.Role;
import org.sundwerk.access.key.ApiKeys;
import org.sundwerk.access.key.CreatedKey;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's matrix over HTTP: two partners of one tenant, each providing an entity type with
 * private attributes, read each other's data through every way data leaves the platform (retrieve,
 * query, batch query, temporal, discovery, notifications) and see only what the declared visibility
 * lets through; anonymous clients see only public attributes; a revoked key's subscription stops
 * notifying. Entities are written by the test platform operator.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PartnerVisibilityTest extends ApiTest {

  static final String TENANT = "matrix";
  static final String SUBSCRIPTIONS = "/ngsi-ld/v1/subscriptions";
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String PASSWORD = "a long enough passphrase for the matrix 7";

  @DynamicPropertySource
  static void visibility(DynamicPropertyRegistry registry) {
    String tenant = "sundwerk.access.tenants." + TENANT;
    registry.add("sundwerk.data-dir", PartnerVisibilityTest::ownDataDir);
    registry.add("sundwerk.access.rate-limited", () -> "false");
    registry.add(tenant + ".types.Meter.provider", () -> "partner-a");
    registry.add(tenant + ".types.Meter.attributes.reading", () -> "private");
    registry.add(tenant + ".types.Charger.provider", () -> "partner-b");
    registry.add(tenant + ".types.Charger.attributes.tariff", () -> "private");
    registry.add(tenant + ".types.Charger.attributes.load", () -> "partner");
    registry.add(tenant + ".types.Vault.level", () -> "private");
    registry.add(tenant + ".types.Vault.provider", () -> "partner-b");
  }

  private static String ownDataDir() {
    try {
      return Files.createTempDirectory("sundwerk-visibility-test").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Autowired Accounts accounts;
  @Autowired ApiKeys keys;

  private static final AtomicInteger ACCOUNTS = new AtomicInteger();

  Http admin;
  Http anonymous;
  Http partnerA;
  Http partnerB;
  CreatedKey keyA;
  final List<Receiver> receivers = new ArrayList<>();

  /** A unique suffix, so that the tests of this class never meet each other's entities. */
  String run;

  @BeforeEach
  void partners() {
    tenant = TENANT;
    admin = new Http(port).tenant(TENANT);
    anonymous = admin.anonymous();
    keyA = keyOf(member("partner-a"), "partner-a");
    partnerA = anonymous.key(keyA.key());
    partnerB = anonymous.key(keyOf(member("partner-b"), "partner-b").key());
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void stopReceivers() {
    receivers.forEach(Receiver::close);
  }

  private AccountId member(String partner) {
    String email = "member" + ACCOUNTS.incrementAndGet() + "-" + UUID.randomUUID() + "@example.org";
    Registration.Created created =
        (Registration.Created) accounts.register(email, "Member of " + partner, PASSWORD);
    assertThat(accounts.verifyEmail(created.verificationToken())).isPresent();
    accounts.grant(
        created.account(),
        new Role.Member(TenantId.of(TENANT), new PartnerId(partner), PartnerRole.VIEWER));
    return created.account();
  }

  private CreatedKey keyOf(AccountId account, String partner) {
    return keys.create(
        account,
        Optional.of(new PartnerId(partner)),
        "matrix key",
        new KeyScope(
            Set.of(TenantId.of(TENANT)),
            EnumSet.of(Operation.READ, Operation.SUBSCRIBE),
            Set.of()));
  }

  private String id(String type, String name) {
    return "urn:ngsi-ld:" + type + ":" + run + ":" + name;
  }

  /** A charger of partner B: name public, load partner, tariff private. */
  private String charger(String name, double tariff) {
    String id = id("Charger", name);
    created(
        """
        {"id": "%s", "type": "Charger",
         "name": {"type": "Property", "value": "%s"},
         "load": {"type": "Property", "value": 0.5},
         "tariff": {"type": "Property", "value": %s}}
        """
            .formatted(id, name, tariff));
    return id;
  }

  /** A meter of partner A: name public, reading private. */
  private String meter(String name) {
    String id = id("Meter", name);
    created(
        """
        {"id": "%s", "type": "Meter",
         "name": {"type": "Property", "value": "%s"},
         "reading": {"type": "Property", "value": 1234}}
        """
            .formatted(id, name));
    return id;
  }

  /** A vault of partner B: a private type, entities and all. */
  private String vault(String name) {
    String id = id("Vault", name);
    created(
        """
        {"id": "%s", "type": "Vault",
         "name": {"type": "Property", "value": "%s"},
         "code": {"type": "Property", "value": "0000"}}
        """
            .formatted(id, name));
    return id;
  }

  private void created(String json) {
    Http.Response response = admin.post(ENTITIES, json);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
  }

  private static List<String> names(JsonNode entity) {
    List<String> names = new ArrayList<>();
    entity.propertyNames().forEach(names::add);
    return names;
  }

  private static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static List<String> ids(JsonNode entities) {
    List<String> ids = new ArrayList<>();
    entities.forEach(entity -> ids.add(entity.path("id").asString()));
    return ids;
  }

  @Test
  void retrieveShowsEachReaderOnlyItsAttributes() {
    String charger = charger("harbour", 0.39);

    assertThat(names(ok(partnerB.get(ENTITIES + "/" + charger))))
        .contains("name", "load", "tariff");
    assertThat(names(ok(partnerA.get(ENTITIES + "/" + charger))))
        .contains("name", "load")
        .doesNotContain("tariff");
    assertThat(names(ok(anonymous.get(ENTITIES + "/" + charger))))
        .contains("name")
        .doesNotContain("load", "tariff");
    assertThat(names(ok(admin.get(ENTITIES + "/" + charger)))).contains("tariff");
    assertThat(ok(partnerA.get(ENTITIES + "/" + charger + "?attrs=tariff,name")).has("tariff"))
        .isFalse();
    assertThat(names(ok(partnerA.get(ENTITIES + "/" + charger + "?options=keyValues"))))
        .doesNotContain("tariff");
  }

  @Test
  void aPrivateTypeIsRefusedToOthers() {
    String vault = vault("cellar");

    assertThat(partnerA.get(ENTITIES + "/" + vault).status()).isEqualTo(403);
    assertThat(anonymous.get(ENTITIES + "/" + vault).status()).isEqualTo(401);
    assertThat(partnerA.get(ENTITIES + "?type=Vault").status()).isEqualTo(403);
    assertThat(partnerA.get("/ngsi-ld/v1/types/Vault").status()).isEqualTo(403);
    assertThat(names(ok(partnerB.get(ENTITIES + "/" + vault)))).contains("code");
  }

  @Test
  void queriesDropHiddenAttributesAndLeaveHiddenTypesOutOfPagesAndCounts() {
    String charger = charger("market", 0.45);
    String meter = meter("town-hall");
    vault("cellar");
    String pattern = "idPattern=.*:" + run + ":.*&count=true";

    Http.Response forA = partnerA.get(ENTITIES + "?" + pattern);
    assertThat(ids(ok(forA))).containsExactlyInAnyOrder(charger, meter);
    assertThat(forA.header("NGSILD-Results-Count")).contains("2");
    for (JsonNode entity : forA.json()) {
      // A sees its own meter's reading, never B's tariff.
      assertThat(entity.has("tariff")).isFalse();
    }
    assertThat(entityWithId(forA.json(), meter).has("reading")).isTrue();

    Http.Response forB = partnerB.get(ENTITIES + "?" + pattern);
    assertThat(ids(ok(forB))).hasSize(3);
    assertThat(entityWithId(forB.json(), meter).has("reading")).isFalse();
    assertThat(entityWithId(forB.json(), charger).has("tariff")).isTrue();

    Http.Response forAnonymous = anonymous.get(ENTITIES + "?" + pattern + "&limit=1");
    assertThat(ids(ok(forAnonymous))).hasSize(1);
    assertThat(forAnonymous.header("NGSILD-Results-Count")).contains("2");

    Http.Response typed = partnerA.get(ENTITIES + "?type=Charger&" + pattern);
    assertThat(ids(ok(typed))).containsExactly(charger);
    assertThat(typed.json().get(0).has("tariff")).isFalse();
  }

  @Test
  void aKeyScopedToTypesSeesOnlyThemInQueriesThatNameNone() {
    String charger = charger("scoped", 0.2);
    String meter = meter("scoped-meter");
    AccountId member = member("partner-a");
    Http scoped =
        anonymous.key(
            keys.create(
                    member,
                    Optional.of(new PartnerId("partner-a")),
                    "meters only",
                    new KeyScope(
                        Set.of(TenantId.of(TENANT)),
                        EnumSet.of(Operation.READ),
                        Set.of("https://uri.etsi.org/ngsi-ld/default-context/Meter")))
                .key());
    String pattern = "idPattern=.*:" + run + ":.*&count=true";

    Http.Response page = scoped.get(ENTITIES + "?" + pattern);
    assertThat(ids(ok(page))).containsExactly(meter);
    assertThat(page.header("NGSILD-Results-Count")).contains("1");
    assertThat(page.json().get(0).has("reading")).isTrue();
    assertThat(ids(ok(scoped.get(ENTITIES + "?type=Meter&" + pattern)))).containsExactly(meter);
    assertThat(scoped.get(ENTITIES + "?type=Charger&" + pattern).status()).isEqualTo(403);
    assertThat(scoped.get(ENTITIES + "/" + charger).status()).isEqualTo(403);
  }

  @Test
  void aFilterOnAHiddenAttributeTellsNothingAboutIt() {
    String charger = charger("station", 0.45);
    String pattern = "idPattern=.*:" + run + ":.*";

    assertThat(ids(ok(partnerB.get(ENTITIES + "?" + pattern + "&q=tariff%3E0.4"))))
        .containsExactly(charger);
    assertThat(ids(ok(partnerA.get(ENTITIES + "?" + pattern + "&q=tariff%3E0.4")))).isEmpty();
    assertThat(ids(ok(partnerA.get(ENTITIES + "?" + pattern + "&q=tariff%3C0.4")))).isEmpty();
    assertThat(ids(ok(anonymous.get(ENTITIES + "?type=Charger&" + pattern + "&q=load%3E0"))))
        .isEmpty();
    assertThat(ids(ok(partnerA.get(ENTITIES + "?type=Charger&" + pattern + "&q=load%3E0"))))
        .containsExactly(charger);
  }

  @Test
  void batchQueryAppliesTheSameView() {
    String charger = charger("port", 0.5);
    vault("port-vault");
    String body =
        """
        {"type": "Query", "entities": [{"idPattern": ".*:%s:.*"}]}
        """
            .formatted(run);

    JsonNode forA = ok(partnerA.post("/ngsi-ld/v1/entityOperations/query?count=true", body));
    assertThat(ids(forA)).containsExactly(charger);
    assertThat(forA.get(0).has("tariff")).isFalse();
    assertThat(forA.get(0).has("load")).isTrue();
    assertThat(ids(ok(partnerB.post("/ngsi-ld/v1/entityOperations/query", body)))).hasSize(2);
    JsonNode typed =
        ok(
            partnerA.post(
                "/ngsi-ld/v1/entityOperations/query",
                """
                {"type": "Query", "entities": [{"type": "Charger", "idPattern": ".*:%s:.*"}],
                 "q": "tariff>0"}
                """
                    .formatted(run)));
    assertThat(ids(typed)).isEmpty();
  }

  @Test
  void temporalAnswersCarryOnlyVisibleHistory() {
    String charger = charger("quay", 0.3);
    admin.patch(ENTITIES + "/" + charger + "/attrs", "{\"tariff\": 0.31, \"name\": \"quay 2\"}");
    vault("quay-vault");
    String temporal = "/ngsi-ld/v1/temporal/entities";

    JsonNode forA = ok(partnerA.get(temporal + "/" + charger));
    assertThat(names(forA)).contains("name").doesNotContain("tariff");
    assertThat(names(ok(partnerB.get(temporal + "/" + charger)))).contains("tariff");
    assertThat(
            names(
                ok(
                    partnerA.get(
                        temporal
                            + "/"
                            + charger
                            + "?options=aggregatedValues&aggrMethods=totalCount"))))
        .doesNotContain("tariff");

    JsonNode queried = ok(partnerA.get(temporal + "?idPattern=.*:" + run + ":.*"));
    assertThat(ids(queried)).containsExactly(charger);
    assertThat(queried.get(0).has("tariff")).isFalse();
    assertThat(partnerA.get(temporal + "/" + id("Vault", "quay-vault")).status()).isEqualTo(403);
    JsonNode posted =
        ok(
            anonymous.post(
                temporal.replace("/entities", "/entityOperations/query"),
                """
                {"type": "Query", "entities": [{"idPattern": ".*:%s:.*"}]}
                """
                    .formatted(run)));
    assertThat(ids(posted)).containsExactly(charger);
    assertThat(names(posted.get(0))).doesNotContain("tariff", "load");
  }

  @Test
  void discoveryHidesTypesAndAttributesTheReaderMayNotSee() {
    charger("depot", 0.2);
    vault("depot-vault");

    assertThat(ok(anonymous.get("/ngsi-ld/v1/types")).path("typeList").toString())
        .contains("Charger")
        .doesNotContain("Vault");
    JsonNode details = ok(partnerA.get("/ngsi-ld/v1/types?details=true"));
    for (JsonNode type : details) {
      assertThat(type.path("typeName").asString()).isNotEqualTo("Vault");
      if (type.path("typeName").asString().equals("Charger")) {
        assertThat(type.path("attributeNames").toString())
            .contains("load")
            .doesNotContain("tariff");
      }
    }
    assertThat(ok(partnerA.get("/ngsi-ld/v1/types/Charger")).toString()).doesNotContain("tariff");
    assertThat(ok(partnerA.get("/ngsi-ld/v1/attributes")).path("attributeList").toString())
        .doesNotContain("tariff")
        .doesNotContain("code");
    assertThat(partnerA.get("/ngsi-ld/v1/attributes/tariff").status()).isEqualTo(404);
    assertThat(ok(partnerB.get("/ngsi-ld/v1/attributes/tariff")).path("attributeCount").asLong())
        .isPositive();
    JsonNode name = ok(anonymous.get("/ngsi-ld/v1/attributes/name"));
    assertThat(name.path("typeNames").toString()).doesNotContain("Vault");
    assertThat(name.has("attributeCount")).as("counts entities of hidden types").isFalse();
  }

  private Receiver receiver() {
    Receiver receiver = new Receiver();
    receivers.add(receiver);
    return receiver;
  }

  private String subscribe(Http as, String entities, Receiver receiver) {
    Http.Response created =
        as.post(
            SUBSCRIPTIONS,
            """
            {"type": "Subscription", %s,
             "notification": {"endpoint": {"uri": "%s",
                "receiverInfo": [{"key": "X-Token", "value": "secret-of-%s"}]}}}
            """
                .formatted(entities, receiver.url("/notify"), run));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String location = created.header("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  @Test
  void notificationsCarryOnlyWhatTheSubscriberMaySee() {
    Receiver forA = receiver();
    Receiver forB = receiver();
    Receiver forAnyType = receiver();
    subscribe(partnerA, "\"entities\": [{\"type\": \"Charger\"}]", forA);
    subscribe(partnerB, "\"entities\": [{\"type\": \"Charger\"}]", forB);
    subscribe(
        partnerA,
        "\"watchedAttributes\": [\"name\"], \"notificationTrigger\": [\"entityCreated\"]",
        forAnyType);
    assertThat(
            partnerA
                .post(
                    SUBSCRIPTIONS,
                    """
                    {"type": "Subscription", "entities": [{"type": "Vault"}],
                     "notification": {"endpoint": {"uri": "%s"}}}
                    """
                        .formatted(forA.url("/notify")))
                .status())
        .isEqualTo(403);

    Receiver probing = receiver();
    subscribe(partnerA, "\"entities\": [{\"type\": \"Charger\"}], \"q\": \"tariff>0.4\"", probing);
    Receiver watching = receiver();
    subscribe(
        partnerA,
        "\"entities\": [{\"type\": \"Charger\"}], \"watchedAttributes\": [\"tariff\"]",
        watching);
    Receiver probingB = receiver();
    subscribe(partnerB, "\"entities\": [{\"type\": \"Charger\"}], \"q\": \"tariff>0.4\"", probingB);

    String vault = vault("notified-vault");
    String charger = charger("notified", 0.42);

    JsonNode seenByB = forB.awaitData(d -> d.path("id").asString().equals(charger), WAIT);
    JsonNode seenByA = forA.awaitData(d -> d.path("id").asString().equals(charger), WAIT);
    forAnyType.awaitData(d -> d.path("id").asString().equals(charger), WAIT);
    assertThat(seenByB.has("tariff")).isTrue();
    assertThat(seenByA.has("tariff")).isFalse();
    assertThat(seenByA.has("load")).isTrue();
    assertThat(forAnyType.data()).extracting(d -> d.path("id").asString()).doesNotContain(vault);
    assertThat(forAnyType.data()).allSatisfy(d -> assertThat(d.has("tariff")).isFalse());
    probingB.awaitData(d -> d.path("id").asString().equals(charger), WAIT);
    assertThat(probing.data()).as("a q on a hidden attribute tells nothing").isEmpty();
    assertThat(watching.data()).as("watching a hidden attribute tells nothing").isEmpty();
  }

  @Test
  void aRevokedKeysSubscriptionStopsNotifyingAndIsMarkedFailed() {
    Receiver forA = receiver();
    Receiver control = receiver();
    String subscription = subscribe(partnerA, "\"entities\": [{\"type\": \"Charger\"}]", forA);
    subscribe(admin, "\"entities\": [{\"type\": \"Charger\"}]", control);
    String charger = charger("revoked", 0.1);
    forA.awaitData(d -> d.path("id").asString().equals(charger), WAIT);
    control.awaitData(d -> d.path("id").asString().equals(charger), WAIT);

    assertThat(keys.revoke(keyA.id())).isTrue();
    Http.Response patched =
        admin.patch(ENTITIES + "/" + charger + "/attrs", "{\"name\": \"after revocation\"}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(204);

    control.awaitData(d -> d.at("/name/value").asString().equals("after revocation"), WAIT);
    JsonNode status = awaitFailed(subscription);
    assertThat(status.path("timesFailed").asLong()).isPositive();
    assertThat(forA.data())
        .noneSatisfy(d -> assertThat(d.at("/name/value").asString()).isEqualTo("after revocation"));
    assertThat(partnerA.get(ENTITIES + "/" + charger).status()).isEqualTo(401);
  }

  private JsonNode awaitFailed(String subscription) {
    Instant deadline = Instant.now().plus(WAIT);
    JsonNode notification = null;
    while (Instant.now().isBefore(deadline)) {
      notification = ok(admin.get(SUBSCRIPTIONS + "/" + subscription)).path("notification");
      if (notification.path("status").asString().equals("failed")) {
        return notification;
      }
      sleep();
    }
    throw new AssertionError("not marked failed: " + notification);
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void subscriptionsBelongToTheirCreators() {
    Receiver receiver = receiver();
    String ofA = subscribe(partnerA, "\"entities\": [{\"type\": \"Charger\"}]", receiver);
    String ofB = subscribe(partnerB, "\"entities\": [{\"type\": \"Charger\"}]", receiver);

    assertThat(ids(ok(partnerA.get(SUBSCRIPTIONS + "?limit=1000"))))
        .contains(ofA)
        .doesNotContain(ofB);
    assertThat(ids(ok(partnerB.get(SUBSCRIPTIONS + "?limit=1000"))))
        .contains(ofB)
        .doesNotContain(ofA);
    assertThat(partnerB.get(SUBSCRIPTIONS + "/" + ofA).status()).isEqualTo(404);
    assertThat(partnerB.patch(SUBSCRIPTIONS + "/" + ofA, "{\"isActive\": false}").status())
        .isEqualTo(404);
    assertThat(partnerB.delete(SUBSCRIPTIONS + "/" + ofA).status()).isEqualTo(404);
    assertThat(ok(partnerA.get(SUBSCRIPTIONS + "/" + ofA)).toString()).contains("secret-of-" + run);

    JsonNode all = ok(admin.get(SUBSCRIPTIONS + "?limit=1000"));
    assertThat(ids(all)).contains(ofA, ofB);
    assertThat(all.toString()).doesNotContain("secret-of-" + run);
    assertThat(ok(admin.get(SUBSCRIPTIONS + "/" + ofA)).toString())
        .doesNotContain("secret-of-" + run)
        .contains("X-Token");
    assertThat(partnerA.delete(SUBSCRIPTIONS + "/" + ofA).status()).isEqualTo(204);
    assertThat(admin.delete(SUBSCRIPTIONS + "/" + ofB).status()).isEqualTo(204);
  }

  private static JsonNode entityWithId(JsonNode entities, String id) {
    for (JsonNode entity : entities) {
      if (entity.path("id").asString().equals(id)) {
        return entity;
      }
    }
    throw new AssertionError(id + " not in " + entities);
  }
}
