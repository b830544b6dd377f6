package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sundwerk.store.TestEntities.JSON;
import static org.sundwerk.store.TestEntities.bool;
import static org.sundwerk.store.TestEntities.delete;
import static org.sundwerk.store.TestEntities.entity;
import static org.sundwerk.store.TestEntities.intValue;
import static org.sundwerk.store.TestEntities.integer;
import static org.sundwerk.store.TestEntities.iri;
import static org.sundwerk.store.TestEntities.json;
import static org.sundwerk.store.TestEntities.number;
import static org.sundwerk.store.TestEntities.observed;
import static org.sundwerk.store.TestEntities.point;
import static org.sundwerk.store.TestEntities.put;
import static org.sundwerk.store.TestEntities.relationship;
import static org.sundwerk.store.TestEntities.text;
import static org.sundwerk.store.TestEntities.urn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.sundwerk.broker.entity.AttributeSummary;
import org.sundwerk.broker.entity.EntityMutation;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.entity.EntityStore;
import org.sundwerk.broker.entity.TypeSummary;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.broker.paging.Paging;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.geo.Geo;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.ngsild.query.AttrPath;
import org.sundwerk.ngsild.query.GeoQuery;
import org.sundwerk.ngsild.query.Operator;
import org.sundwerk.ngsild.query.Query;
import org.sundwerk.ngsild.query.QueryEvaluator;
import org.sundwerk.ngsild.query.ScopeQuery;
import org.sundwerk.ngsild.query.TypeQuery;
import org.sundwerk.ngsild.query.Value;

/**
 * The contract of {@link EntityStore} that every backend must pass: subclass it and return a fresh,
 * empty store from {@link #newStore()}. Query tests are tables: a criterion and the ids it selects.
 */
public abstract class EntityStoreContract {

  protected static final String TENANT = "urn:ngsi-ld:tenant:test";

  protected EntityStore store;

  /** A new, empty store; closed after the test if it is {@link AutoCloseable}. */
  protected abstract EntityStore newStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  protected <R> R write(String tenant, String id, EntityMutation<R> mutation) {
    return store.write(tenant, id, mutation).join();
  }

  protected void save(Entity entity) {
    write(TENANT, entity.id(), put(entity));
  }

  /** Saves the entities in this order, queued together (one commit for all, if the store can). */
  protected void saveAll(List<Entity> entities) {
    entities.stream()
        .map(entity -> store.write(TENANT, entity.id(), put(entity)))
        .toList()
        .forEach(CompletableFuture::join);
  }

  // --- create, read, overwrite, delete -----------------------------------------------------

  @Test
  void retrievesWhatWasWrittenWithEveryAttributeFeature() {
    Instant t = Instant.parse("2024-05-01T08:15:30.123Z");
    Attribute subAttribute = text("sensor-7");
    Attribute temperature =
        new Attribute(
            AttributeKind.PROPERTY,
            JSON.numberNode(21.5),
            null,
            t,
            "CEL",
            t,
            t.plusSeconds(60),
            Map.of(iri("providedBy"), List.of(subAttribute)));
    Attribute secondDataset =
        new Attribute(
            AttributeKind.PROPERTY, JSON.numberNode(19), "urn:ds:2", null, null, null, null, null);
    Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
    attributes.put(iri("temperature"), List.of(temperature, secondDataset));
    attributes.put(iri("refPark"), List.of(relationship("urn:ngsi-ld:Park:1")));
    attributes.put("https://uri.etsi.org/ngsi-ld/location", List.of(point(13.09, 54.31)));
    attributes.put(
        iri("name"),
        List.of(
            Attribute.of(
                AttributeKind.LANGUAGE_PROPERTY, json("{\"de\":\"Markt\",\"en\":\"Market\"}"))));
    attributes.put(iri("shape"), List.of(property(json("{\"a\":[1,2,{\"b\":null}]}"))));
    Entity entity =
        new Entity(
            urn("full"),
            List.of(iri("Sensor"), iri("Device")),
            List.of("/Stralsund/Altstadt"),
            attributes,
            t,
            t.plusSeconds(60));

    Boolean existed = write(TENANT, entity.id(), put(entity));

    assertThat(existed).isFalse();
    assertThat(store.retrieve(TENANT, entity.id())).contains(entity);
  }

  private static Attribute property(tools.jackson.databind.JsonNode value) {
    return TestEntities.property(value);
  }

  @Test
  void retrieveOfUnknownEntityIsEmpty() {
    assertThat(store.retrieve(TENANT, urn("nothing"))).isEmpty();
  }

  @Test
  void overwritesAnEntity() {
    save(entity("a", "Room", "temperature", integer(1), "label", text("x")));
    Entity replacement = entity("a", "Hall", "humidity", integer(2));

    Boolean existed = write(TENANT, replacement.id(), put(replacement));

    assertThat(existed).isTrue();
    assertThat(store.retrieve(TENANT, urn("a"))).contains(replacement);
    assertThat(ids(query(type("Room")))).isEmpty();
    assertThat(ids(query(type("Hall")))).containsExactly(urn("a"));
  }

  @Test
  void deletesAnEntity() {
    save(entity("a", "Room", "temperature", integer(1)));

    assertThat(write(TENANT, urn("a"), delete())).isTrue();

    assertThat(store.retrieve(TENANT, urn("a"))).isEmpty();
    assertThat(ids(query(EntityQuery.all(100)))).isEmpty();
    assertThat(write(TENANT, urn("a"), delete())).isFalse();
  }

  @Test
  void keepLeavesTheEntityAsItIsAndReturnsTheResult() {
    Entity entity = entity("a", "Room", "temperature", integer(1));
    save(entity);

    String result = write(TENANT, urn("a"), current -> new EntityMutation.Keep<>("kept"));

    assertThat(result).isEqualTo("kept");
    assertThat(store.retrieve(TENANT, urn("a"))).contains(entity);
  }

  @Test
  void mutationSeesTheCurrentState() {
    save(entity("a", "Room", "count", integer(41)));

    Integer seen =
        write(
            TENANT,
            urn("a"),
            current ->
                new EntityMutation.Keep<>(intValue(current.orElseThrow(), "count").orElseThrow()));

    assertThat(seen).isEqualTo(41);
  }

  // --- failures ----------------------------------------------------------------------------

  @Test
  void throwingMutationWritesNothingAndFailsOnlyItsOwnFuture() {
    NgsiLdException refusal = NgsiLdException.alreadyExists("refused");
    CompletableFuture<Boolean> before = store.write(TENANT, urn("a"), put(entity("a", "Room")));
    CompletableFuture<Boolean> failing =
        store.write(
            TENANT,
            urn("b"),
            current -> {
              throw refusal;
            });
    CompletableFuture<Boolean> after = store.write(TENANT, urn("c"), put(entity("c", "Room")));

    assertThat(before.join()).isFalse();
    assertThat(after.join()).isFalse();
    assertThatThrownBy(failing::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isSameAs(refusal);
    assertThat(store.retrieve(TENANT, urn("b"))).isEmpty();
    assertThat(ids(query(EntityQuery.all(10)))).containsExactly(urn("a"), urn("c"));
  }

  @Test
  void throwingMutationDoesNotCreateTheTenant() {
    CompletableFuture<Object> failing =
        store.write(
            "urn:tenant:ghost",
            urn("a"),
            current -> {
              throw NgsiLdException.badRequestData("no");
            });

    assertThatThrownBy(failing::join).hasCauseInstanceOf(NgsiLdException.class);
    assertThat(store.tenantExists("urn:tenant:ghost")).isFalse();
  }

  @Test
  void rejectsAPutOfAnotherEntityId() {
    CompletableFuture<Boolean> wrong = store.write(TENANT, urn("a"), put(entity("b", "Room")));

    assertThatThrownBy(wrong::join).isInstanceOf(CompletionException.class);
    assertThat(store.retrieve(TENANT, urn("a"))).isEmpty();
    assertThat(store.retrieve(TENANT, urn("b"))).isEmpty();
  }

  // --- tenants -----------------------------------------------------------------------------

  @Test
  void tenantsAreIsolatedAndCreatedOnFirstWrite() {
    String other = "urn:tenant:other";
    assertThat(store.tenantExists(other)).isFalse();

    write(other, urn("a"), put(entity("a", "Room", "temperature", integer(7))));
    save(entity("a", "Hall"));

    assertThat(store.tenantExists(other)).isTrue();
    assertThat(store.retrieve(other, urn("a")).orElseThrow().types()).containsExactly(iri("Room"));
    assertThat(store.retrieve(TENANT, urn("a")).orElseThrow().types()).containsExactly(iri("Hall"));
    assertThat(ids(store.query(other, type("Hall")))).isEmpty();
    assertThat(store.types(other)).extracting(TypeSummary::type).containsExactly(iri("Room"));
    assertThat(store.attributes(TENANT)).isEmpty();
  }

  // --- concurrency -------------------------------------------------------------------------

  @Test
  void concurrentIncrementsOfOneEntityAreNeverLost() throws Exception {
    save(entity("counter", "Counter", "count", integer(0)));
    int threads = 8;
    int increments = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<CompletableFuture<Void>> callers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      callers.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < increments; i++) {
                  write(TENANT, urn("counter"), TestEntitiesMutations.increment("count"));
                }
              },
              pool));
    }
    CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    pool.shutdown();

    assertThat(intValue(store.retrieve(TENANT, urn("counter")).orElseThrow(), "count"))
        .contains(threads * increments);
  }

  @Test
  void writesQueuedTogetherSeeEachOthersResults() {
    List<CompletableFuture<Integer>> futures = new ArrayList<>();
    futures.add(
        store.write(
            TENANT,
            urn("c"),
            current -> new EntityMutation.Put<>(entity("c", "Counter", "count", integer(0)), 0)));
    for (int i = 0; i < 50; i++) {
      futures.add(store.write(TENANT, urn("c"), TestEntitiesMutations.increment("count")));
    }

    assertThat(futures.getLast().join()).isEqualTo(50);
    assertThat(futures.stream().map(CompletableFuture::join))
        .containsExactlyElementsOf(IntStream.rangeClosed(0, 50).boxed().toList());
  }

  // --- at most once per key ---------------------------------------------------------------

  @Test
  void aWriteOnceWithAKeyAlreadyWrittenRunsNoMutationAndAnswersTheDuplicateResult() {
    store.write(TENANT, urn("c"), put(entity("c", "Counter", "count", integer(0)))).join();
    // Queued together, so that the copy meets the first write's key in the same transaction.
    CompletableFuture<Integer> first =
        store.writeOnce(TENANT, urn("c"), "k", TestEntitiesMutations.increment("count"), -1);
    CompletableFuture<Integer> copy =
        store.writeOnce(TENANT, urn("c"), "k", TestEntitiesMutations.increment("count"), -1);
    CompletableFuture<Integer> other =
        store.writeOnce(TENANT, urn("c"), "k2", TestEntitiesMutations.increment("count"), -1);
    CompletableFuture<Integer> otherTenant =
        store.writeOnce("other", urn("c"), "k", TestEntitiesMutations.increment("count"), -1);

    assertThat(first.join()).isEqualTo(1);
    assertThat(copy.join()).isEqualTo(-1);
    assertThat(other.join()).isEqualTo(2);
    assertThatThrownBy(otherTenant::join).hasCauseInstanceOf(NgsiLdException.class);
    assertThat(
            store
                .writeOnce(TENANT, urn("c"), "k", TestEntitiesMutations.increment("count"), -1)
                .join())
        .isEqualTo(-1);
    assertThat(intValue(store.retrieve(TENANT, urn("c")).orElseThrow(), "count")).contains(2);
  }

  @Test
  void aWriteOnceThatFailsLeavesNoKeySoThatItsRetryRuns() {
    assertThatThrownBy(
            () ->
                store
                    .writeOnce(TENANT, urn("c"), "k", TestEntitiesMutations.increment("count"), -1)
                    .join())
        .hasCauseInstanceOf(NgsiLdException.class);
    store.write(TENANT, urn("c"), put(entity("c", "Counter", "count", integer(0)))).join();

    assertThat(
            store
                .writeOnce(TENANT, urn("c"), "k", TestEntitiesMutations.increment("count"), -1)
                .join())
        .isEqualTo(1);
  }

  // --- queries -----------------------------------------------------------------------------

  /** The fixture the query tables run against. */
  protected void saveQueryFixture() {
    Instant morning = Instant.parse("2024-05-01T08:00:00.000Z");
    Instant noon = Instant.parse("2024-05-01T12:00:00.000Z");
    List<Entity> fixture = new ArrayList<>();
    fixture.add(
        withScopes(
            entity(
                "r1",
                "Room",
                "temperature",
                observed(number(18.5), morning),
                "name",
                text("Kitchen"),
                "open",
                bool(true),
                "refFloor",
                relationship("urn:floor:1")),
            "/Stralsund/Altstadt"));
    fixture.add(
        withScopes(
            entity(
                "r2",
                "Room",
                "temperature",
                observed(integer(22), noon),
                "name",
                text("Hall"),
                "open",
                bool(false),
                "refFloor",
                relationship("urn:floor:2")),
            "/Stralsund/Altstadt/Markt"));
    fixture.add(
        withScopes(
            entity(
                "r3",
                "Room",
                "temperature",
                integer(25),
                "name",
                text("kitchenette"),
                "address",
                property(json("{\"city\":\"Stralsund\",\"zip\":18439}"))),
            "/Stralsund/Knieper"));
    fixture.add(
        withScopes(
            entity("s1", "Sensor", "temperature", text("warm"), "battery", number(0.5)),
            "/Greifswald"));
    Entity both =
        entity("x1", "Sensor", "battery", integer(90))
            .withTypes(List.of(iri("Sensor"), iri("Room")));
    fixture.add(both);
    saveAll(fixture);
  }

  static Stream<Arguments> typeQueries() {
    return Stream.of(
        Arguments.of("Room", type("Room"), List.of("r1", "r2", "r3", "x1")),
        Arguments.of("Sensor", type("Sensor"), List.of("s1", "x1")),
        Arguments.of(
            "Room,Sensor",
            typeQ(new TypeQuery.AnyOf(List.of(name("Room"), name("Sensor")))),
            List.of("r1", "r2", "r3", "s1", "x1")),
        Arguments.of(
            "Room;Sensor",
            typeQ(new TypeQuery.AllOf(List.of(name("Room"), name("Sensor")))),
            List.of("x1")),
        Arguments.of(
            "(Room;Sensor)|Nothing",
            typeQ(
                new TypeQuery.AnyOf(
                    List.of(
                        new TypeQuery.AllOf(List.of(name("Room"), name("Sensor"))),
                        name("Nothing")))),
            List.of("x1")),
        Arguments.of("Nothing", type("Nothing"), List.of()),
        Arguments.of(
            "all but Sensor (what a reader may not see)",
            all().idPattern(".").build().excluding(Set.of(iri("Sensor"))),
            List.of("r1", "r2", "r3")),
        Arguments.of(
            "Room but Sensor",
            type("Room").excluding(Set.of(iri("Sensor"), iri("Nothing"))),
            List.of("r1", "r2", "r3")));
  }

  @ParameterizedTest(name = "type={0}")
  @MethodSource("typeQueries")
  void selectsByType(String expression, EntityQuery query, List<String> expected) {
    saveQueryFixture();
    assertThat(ids(query(query))).containsExactlyElementsOf(urns(expected));
  }

  static Stream<Arguments> filterQueries() {
    return Stream.of(
        Arguments.of(
            "ids r1,s1,missing",
            all().ids(List.of(urn("r1"), urn("s1"), urn("missing"))),
            List.of("r1", "s1")),
        Arguments.of("idPattern ^urn:.*:r[23]$", all().idPattern(".*:r[23]$"), List.of("r2", "r3")),
        Arguments.of("idPattern find semantics", all().idPattern("x"), List.of("x1")),
        Arguments.of("attrs battery", all().attrs(Set.of(iri("battery"))), List.of("s1", "x1")),
        Arguments.of(
            "attrs name,battery",
            all().attrs(Set.of(iri("name"), iri("battery"))),
            List.of("r1", "r2", "r3", "s1", "x1")),
        Arguments.of("attrs unknown", all().attrs(Set.of(iri("unknown"))), List.of()),
        Arguments.of(
            "scopeQ /Stralsund/Altstadt",
            all().scope(scope("Stralsund", "Altstadt")),
            List.of("r1")),
        Arguments.of(
            "scopeQ /Stralsund/#", all().scope(scope("Stralsund", "#")), List.of("r1", "r2", "r3")),
        Arguments.of(
            "scopeQ /Stralsund/Altstadt/#",
            all().scope(scope("Stralsund", "Altstadt", "#")),
            List.of("r1", "r2")),
        Arguments.of(
            "scopeQ /Stralsund/+", all().scope(scope("Stralsund", "+")), List.of("r1", "r3")),
        Arguments.of(
            "scopeQ /+/Altstadt/#", all().scope(scope("+", "Altstadt", "#")), List.of("r1", "r2")),
        Arguments.of("scopeQ /#", all().scope(scope("#")), List.of("r1", "r2", "r3", "s1")),
        Arguments.of(
            "scopeQ /Greifswald|/Stralsund/Knieper",
            all()
                .scope(
                    new ScopeQuery.AnyOf(
                        List.of(scope("Greifswald"), scope("Stralsund", "Knieper")))),
            List.of("r3", "s1")),
        Arguments.of(
            "scopeQ /Stralsund/#;/Stralsund/Knieper",
            all()
                .scope(
                    new ScopeQuery.AllOf(
                        List.of(scope("Stralsund", "#"), scope("Stralsund", "Knieper")))),
            List.of("r3")),
        Arguments.of(
            "type Room and attrs battery",
            all().type(name("Room")).attrs(Set.of(iri("battery"))),
            List.of("x1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterQueries")
  void selectsByIdsPatternsAttributesAndScopes(
      String expression, QueryBuilder query, List<String> expected) {
    saveQueryFixture();
    assertThat(ids(query(query.build()))).containsExactlyElementsOf(urns(expected));
  }

  static Stream<Arguments> qQueries() {
    return Stream.of(
        Arguments.of(
            "temperature>20", cmp("temperature", Operator.GREATER, num(20)), List.of("r2", "r3")),
        Arguments.of(
            "temperature>=22",
            cmp("temperature", Operator.GREATER_EQ, num(22)),
            List.of("r2", "r3")),
        Arguments.of("temperature<20", cmp("temperature", Operator.LESS, num(20)), List.of("r1")),
        Arguments.of(
            "temperature<=18.5", cmp("temperature", Operator.LESS_EQ, num(18.5)), List.of("r1")),
        Arguments.of("temperature==22", cmp("temperature", Operator.EQUAL, num(22)), List.of("r2")),
        Arguments.of(
            "temperature!=22",
            cmp("temperature", Operator.UNEQUAL, num(22)),
            List.of("r1", "r3", "s1")),
        Arguments.of(
            "temperature==20..24",
            cmp("temperature", Operator.EQUAL, new Value.Range(num(20), num(24))),
            List.of("r2")),
        Arguments.of(
            "temperature==18.5,25",
            cmp("temperature", Operator.EQUAL, new Value.Choice(List.of(num(18.5), num(25)))),
            List.of("r1", "r3")),
        Arguments.of(
            "temperature==\"warm\"",
            cmp("temperature", Operator.EQUAL, str("warm")),
            List.of("s1")),
        Arguments.of("name==\"Hall\"", cmp("name", Operator.EQUAL, str("Hall")), List.of("r2")),
        Arguments.of("name>\"J\"", cmp("name", Operator.GREATER, str("J")), List.of("r1", "r3")),
        Arguments.of(
            "name~=(?i)^kitchen",
            cmp("name", Operator.MATCHES_PATTERN, str("(?i)^kitchen")),
            List.of("r1", "r3")),
        Arguments.of(
            "name!~=kitchen",
            cmp("name", Operator.NOT_MATCHES_PATTERN, str("kitchen")),
            List.of("r1", "r2")),
        Arguments.of(
            "open==true", cmp("open", Operator.EQUAL, new Value.Bool(true)), List.of("r1")),
        Arguments.of(
            "open==false", cmp("open", Operator.EQUAL, new Value.Bool(false)), List.of("r2")),
        Arguments.of(
            "refFloor==urn:floor:2",
            cmp("refFloor", Operator.EQUAL, str("urn:floor:2")),
            List.of("r2")),
        Arguments.of(
            "address[city]==\"Stralsund\"",
            new Query.Comparison(
                new AttrPath(iri("address"), Optional.empty(), List.of("city")),
                Operator.EQUAL,
                str("Stralsund")),
            List.of("r3")),
        Arguments.of(
            "address[zip]>18000",
            new Query.Comparison(
                new AttrPath(iri("address"), Optional.empty(), List.of("zip")),
                Operator.GREATER,
                num(18000)),
            List.of("r3")),
        Arguments.of(
            "temperature.observedAt>=2024-05-01T10:00Z",
            new Query.Comparison(
                new AttrPath(iri("temperature"), Optional.of("observedAt"), List.of()),
                Operator.GREATER_EQ,
                new Value.DateTime(Instant.parse("2024-05-01T10:00:00Z"))),
            List.of("r2")),
        Arguments.of("battery", new Query.Exists(AttrPath.of(iri("battery"))), List.of("s1", "x1")),
        Arguments.of(
            "!battery",
            new Query.NotExists(AttrPath.of(iri("battery"))),
            List.of("r1", "r2", "r3")),
        Arguments.of(
            "temperature>20;name~=kitchen",
            new Query.And(
                List.of(
                    cmp("temperature", Operator.GREATER, num(20)),
                    cmp("name", Operator.MATCHES_PATTERN, str("kitchen")))),
            List.of("r3")),
        Arguments.of(
            "temperature<20|battery>50",
            new Query.Or(
                List.of(
                    cmp("temperature", Operator.LESS, num(20)),
                    cmp("battery", Operator.GREATER, num(50)))),
            List.of("r1", "x1")),
        Arguments.of(
            "(temperature<20|temperature>24);open==true",
            new Query.And(
                List.of(
                    new Query.Or(
                        List.of(
                            cmp("temperature", Operator.LESS, num(20)),
                            cmp("temperature", Operator.GREATER, num(24)))),
                    cmp("open", Operator.EQUAL, new Value.Bool(true)))),
            List.of("r1")));
  }

  @ParameterizedTest(name = "q={0}")
  @MethodSource("qQueries")
  void selectsByQ(String expression, Query q, List<String> expected) {
    saveQueryFixture();
    assertThat(ids(query(all().q(q).build()))).containsExactlyElementsOf(urns(expected));
  }

  /**
   * Random q expressions select what the in-memory evaluator, the reference, selects: the SQL
   * translation (and any index prefilter of the dialect) keeps its semantics.
   */
  @Test
  void randomQSelectsWhatTheEvaluatorSelects() {
    long seed = new Random().nextLong();
    RandomQueries random = new RandomQueries(new Random(seed));
    List<Entity> entities = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      entities.add(random.entity("q" + i));
    }
    saveAll(entities);
    for (int i = 0; i < 300; i++) {
      Query q = random.query(2);
      List<String> expected =
          entities.stream()
              .filter(entity -> QueryEvaluator.matches(q, entity))
              .map(Entity::id)
              .toList();
      assertThat(ids(query(all().q(q).build())))
          .as("seed %dL, q %s", seed, q)
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void tellsWhetherMoreFollowAPageWithoutCounting() {
    for (int i = 0; i < 25; i++) {
      Entity located =
          entity("m" + i, "M")
              .withAttributes(Map.of(GeoQuery.LOCATION, List.of(point(13.09, 54.315))));
      store.write(TENANT, urn("m" + i), put(located)).join();
    }
    Geometry centre = Geo.parse(json("{\"type\":\"Point\",\"coordinates\":[13.09,54.315]}"));
    // The type is decided in SQL, the geo-query in memory: both ways of paging.
    for (EntityQuery query :
        List.of(all().type(name("M")).build(), near(centre, GeoQuery.LOCATION))) {
      List<String> walked = new ArrayList<>();
      for (int offset = 0; ; offset += 10) {
        Page<Entity> page = store.query(TENANT, query.withPaging(new Paging(10, offset, false)));
        walked.addAll(ids(page));
        if (!page.more()) {
          break;
        }
        assertThat(page.items()).as("%s at %d", query, offset).hasSize(10);
      }
      assertThat(walked)
          .as("%s", query)
          .isEqualTo(IntStream.range(0, 25).mapToObj(i -> urn("m" + i)).toList());
    }
  }

  @Test
  void pagesInCreationOrderAndCountsAllMatches() {
    int total = 300;
    List<CompletableFuture<Boolean>> writes = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      String type = i % 3 == 0 ? "Even" : "Odd";
      writes.add(store.write(TENANT, urn("p" + i), put(entity("p" + i, type, "n", integer(i)))));
    }
    writes.forEach(CompletableFuture::join);

    Page<Entity> first = store.query(TENANT, all().type(name("Even")).page(20, 0).count().build());
    Page<Entity> third = store.query(TENANT, all().type(name("Even")).page(20, 40).count().build());
    Page<Entity> beyond =
        store.query(TENANT, all().type(name("Even")).page(20, 100).count().build());
    Page<Entity> onlyCount = store.query(TENANT, all().page(0, 0).count().build());
    Page<Entity> filtered =
        store.query(
            TENANT, all().q(cmp("n", Operator.GREATER_EQ, num(250))).page(7, 3).count().build());

    assertThat(ids(first))
        .containsExactlyElementsOf(
            IntStream.range(0, 20).map(i -> i * 3).mapToObj(i -> urn("p" + i)).toList());
    assertThat(first.count()).hasValue(100);
    assertThat(ids(third))
        .containsExactlyElementsOf(
            IntStream.range(40, 60).map(i -> i * 3).mapToObj(i -> urn("p" + i)).toList());
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.count()).hasValue(100);
    assertThat(onlyCount.items()).isEmpty();
    assertThat(onlyCount.count()).hasValue(total);
    assertThat(ids(filtered))
        .containsExactlyElementsOf(IntStream.range(253, 260).mapToObj(i -> urn("p" + i)).toList());
    assertThat(filtered.count()).hasValue(50);
    assertThat(first.more()).isTrue();
    assertThat(beyond.more()).isFalse();
    assertThat(filtered.more()).isTrue();
    assertThat(store.query(TENANT, all().page(5, 0).build()).count()).isEmpty();
  }

  @Test
  void rejectsAnInvalidIdPattern() {
    assertThatThrownBy(() -> store.query(TENANT, all().idPattern("([").build()))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_REQUEST_DATA));
  }

  // --- summaries ---------------------------------------------------------------------------

  @Test
  void summarisesTypesAndAttributes() {
    saveQueryFixture();

    List<TypeSummary> types = store.types(TENANT);
    List<AttributeSummary> attributes = store.attributes(TENANT);

    assertThat(types).extracting(TypeSummary::type).containsExactly(iri("Room"), iri("Sensor"));
    assertThat(types.getFirst().entityCount()).isEqualTo(4);
    assertThat(types.getFirst().attributeKinds())
        .containsEntry(iri("refFloor"), Set.of("Relationship"))
        .containsEntry(iri("temperature"), Set.of("Property"))
        .containsKey(iri("battery"));
    AttributeSummary temperature =
        attributes.stream()
            .filter(a -> a.name().equals(iri("temperature")))
            .findFirst()
            .orElseThrow();
    assertThat(temperature.entityCount()).isEqualTo(4);
    assertThat(temperature.kinds()).containsExactly("Property");
    assertThat(temperature.types()).containsExactlyInAnyOrder(iri("Room"), iri("Sensor"));
    assertThat(attributes).extracting(AttributeSummary::name).isSorted();
  }

  // --- randomised differential test --------------------------------------------------------

  @Test
  void randomWritesAgreeWithAReferenceMap() {
    long seed = new Random().nextLong();
    try {
      runDifferential(seed, 600);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("differential test failed with seed " + seed + "L", e);
    }
  }

  /** Random puts, deletes, keeps and failing mutations over a few ids and tenants. */
  protected void runDifferential(long seed, int operations) {
    Random random = new Random(seed);
    List<String> tenants = List.of("urn:tenant:a", "urn:tenant:b");
    Map<String, Map<String, Entity>> reference = new HashMap<>();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (int op = 0; op < operations; op++) {
      String tenant = tenants.get(random.nextInt(tenants.size()));
      String id = urn("d" + random.nextInt(12));
      Map<String, Entity> expected = reference.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
      switch (random.nextInt(10)) {
        case 0, 1, 2, 3, 4 -> {
          Entity entity = randomEntity(random, id);
          pending.add(store.write(tenant, id, put(entity)));
          expected.remove(id);
          expected.put(id, entity);
        }
        case 5, 6 -> {
          pending.add(store.write(tenant, id, delete()));
          expected.remove(id);
        }
        case 7 ->
            pending.add(
                store.write(tenant, id, current -> new EntityMutation.Keep<>(current.isPresent())));
        default -> {
          CompletableFuture<Object> failing =
              store.write(
                  tenant,
                  id,
                  current -> {
                    throw NgsiLdException.badRequestData("random failure");
                  });
          pending.add(failing.exceptionally(e -> null));
        }
      }
      if (random.nextInt(50) == 0) {
        pending.forEach(CompletableFuture::join);
        pending.clear();
        compare(reference, seed);
      }
    }
    pending.forEach(CompletableFuture::join);
    compare(reference, seed);
  }

  private void compare(Map<String, Map<String, Entity>> reference, long seed) {
    reference.forEach(
        (tenant, expected) -> {
          for (int i = 0; i < 12; i++) {
            String id = urn("d" + i);
            assertThat(store.retrieve(tenant, id))
                .as("seed %dL, %s %s", seed, tenant, id)
                .isEqualTo(Optional.ofNullable(expected.get(id)));
          }
          Page<Entity> all = store.query(tenant, all().page(100, 0).count().build());
          assertThat(ids(all))
              .as("seed %dL, all ids of %s", seed, tenant)
              .containsExactlyInAnyOrderElementsOf(expected.keySet());
          assertThat(all.count()).hasValue(expected.size());
          long typeA = expected.values().stream().filter(e -> e.types().contains(iri("A"))).count();
          assertThat(store.query(tenant, all().type(name("A")).page(0, 0).count().build()).count())
              .as("seed %dL", seed)
              .hasValue(typeA);
        });
  }

  private static Entity randomEntity(Random random, String id) {
    Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      String name = iri("attr" + random.nextInt(5));
      Attribute attribute =
          switch (random.nextInt(4)) {
            case 0 -> integer(random.nextInt(1000));
            case 1 -> text("s" + random.nextInt(100));
            case 2 -> relationship("urn:x:" + random.nextInt(10));
            default -> point(random.nextDouble() * 10, 50 + random.nextDouble());
          };
      if (random.nextBoolean()) {
        attribute =
            observed(
                attribute, Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000)));
      }
      attributes.put(name, List.of(attribute));
    }
    List<String> types = random.nextBoolean() ? List.of(iri("A")) : List.of(iri("B"), iri("A"));
    if (random.nextInt(3) == 0) {
      types = List.of(iri("B"));
    }
    List<String> scopes = random.nextBoolean() ? List.of() : List.of("/s" + random.nextInt(3));
    Instant created = Instant.ofEpochMilli(1_600_000_000_000L + random.nextInt(1_000_000));
    return new Entity(
        id, types, scopes, attributes, created, created.plusMillis(random.nextInt(1000)));
  }

  @Test
  void nearQueriesTestTheQueriedGeoPropertyOfTheirTenantOnly() {
    String harbour = iri("harbour");
    Entity nearby = entity("nearby", "Vessel");
    Entity harbourNearby = entity("harbour-nearby", "Vessel");
    Entity far = entity("far", "Vessel");
    saveAll(
        List.of(
            nearby.withAttributes(Map.of(GeoQuery.LOCATION, List.of(point(13.0901, 54.3151)))),
            harbourNearby.withAttributes(
                Map.of(
                    GeoQuery.LOCATION,
                    List.of(point(13.2, 54.4)),
                    harbour,
                    List.of(point(13.0902, 54.3152)))),
            far.withAttributes(Map.of(GeoQuery.LOCATION, List.of(point(13.2, 54.4))))));
    write(
        "urn:ngsi-ld:tenant:other",
        urn("other-tenant"),
        put(
            entity("other-tenant", "Vessel")
                .withAttributes(Map.of(GeoQuery.LOCATION, List.of(point(13.09, 54.315))))));
    Geometry centre = Geo.parse(json("{\"type\":\"Point\",\"coordinates\":[13.09,54.315]}"));

    assertThat(ids(query(near(centre, GeoQuery.LOCATION)))).containsExactly(urn("nearby"));
    assertThat(ids(query(near(centre, harbour)))).containsExactly(urn("harbour-nearby"));
  }

  private static EntityQuery near(Geometry centre, String geoproperty) {
    EntityQuery all = EntityQuery.all(10);
    return new EntityQuery(
        all.type(),
        all.ids(),
        all.idPattern(),
        all.q(),
        all.scopeQ(),
        Optional.of(
            new GeoQuery(
                GeoQuery.Relation.NEAR, centre, geoproperty, Optional.of(100.0), Optional.empty())),
        all.attrs(),
        new Paging(all.paging().limit(), all.paging().offset(), true));
  }

  // --- helpers -----------------------------------------------------------------------------

  protected Page<Entity> query(EntityQuery query) {
    return store.query(TENANT, query);
  }

  protected static List<String> ids(Page<Entity> result) {
    return result.items().stream().map(Entity::id).toList();
  }

  protected static List<String> urns(List<String> ids) {
    return ids.stream().map(TestEntities::urn).toList();
  }

  private static Entity withScopes(Entity entity, String... scopes) {
    return entity.withScopes(List.of(scopes));
  }

  protected static TypeQuery name(String term) {
    return new TypeQuery.Name(iri(term));
  }

  protected static EntityQuery type(String term) {
    return all().type(name(term)).build();
  }

  protected static EntityQuery typeQ(TypeQuery type) {
    return all().type(type).build();
  }

  protected static ScopeQuery scope(String... segments) {
    return new ScopeQuery.Pattern(List.of(segments));
  }

  protected static Query cmp(String term, Operator operator, Value value) {
    return new Query.Comparison(AttrPath.of(iri(term)), operator, value);
  }

  protected static Value num(double value) {
    return new Value.Number(value);
  }

  protected static Value str(String value) {
    return new Value.Text(value);
  }

  protected static QueryBuilder all() {
    return new QueryBuilder();
  }

  /** Builds an {@link EntityQuery}: all entities, first 1000, no count, unless told. */
  protected static final class QueryBuilder {
    private Optional<TypeQuery> type = Optional.empty();
    private List<String> ids = List.of();
    private Optional<String> idPattern = Optional.empty();
    private Optional<Query> q = Optional.empty();
    private Optional<ScopeQuery> scopeQ = Optional.empty();
    private Set<String> attrs = Set.of();
    private int limit = 1000;
    private int offset;
    private boolean count;

    public QueryBuilder type(TypeQuery value) {
      type = Optional.of(value);
      return this;
    }

    public QueryBuilder ids(List<String> value) {
      ids = value;
      return this;
    }

    public QueryBuilder idPattern(String value) {
      idPattern = Optional.of(value);
      return this;
    }

    public QueryBuilder q(Query value) {
      q = Optional.of(value);
      return this;
    }

    public QueryBuilder scope(ScopeQuery value) {
      scopeQ = Optional.of(value);
      return this;
    }

    public QueryBuilder attrs(Set<String> value) {
      attrs = value;
      return this;
    }

    public QueryBuilder page(int newLimit, int newOffset) {
      limit = newLimit;
      offset = newOffset;
      return this;
    }

    public QueryBuilder count() {
      count = true;
      return this;
    }

    public EntityQuery build() {
      return new EntityQuery(
          type,
          ids,
          idPattern,
          q,
          scopeQ,
          Optional.empty(),
          attrs,
          new Paging(limit, offset, count));
    }

    @Override
    public String toString() {
      return build().toString();
    }
  }
}
