package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.app.TestKeys;
import org.sundwerk.app.TestServices;
import org.sundwerk.business.Text;
import org.sundwerk.business.VatRate;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.offer.BusinessModel;
import org.sundwerk.business.offer.OfferDraft;
import org.sundwerk.business.offer.OfferId;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.offer.Ordering;

/**
 * "Anonymous cannot write anything anywhere", over every mutating route the application maps: the
 * routes are read from Spring's {@link RequestMappingHandlerMapping}, so a route added later is in
 * the matrix without anyone remembering it. Each gets a plausible body (so that a refusal is not a
 * parse error) and is sent against existing data; anonymous callers get 401 with a ProblemDetails
 * and a {@code WWW-Authenticate} challenge, a resident's key and a read-only operator key get 403,
 * and nothing changed. Also: a resident cannot act as an operator (actuator, admin and audit
 * routes).
 */
class NobodyWritesUnaskedTest extends ApiTest {

  /**
   * Routes that take a POST but only read (clause 5.7.2 and 5.7.5 queries), the error page, and the
   * one route a token in the request authorises instead of the caller.
   */
  private static final Set<String> READ_ONLY_POSTS =
      Set.of(
          "/ngsi-ld/v1/entityOperations/query",
          "/ngsi-ld/v1/temporal/entityOperations/query",
          "/error",
          // One-click unsubscribe from an alert mail (RFC 8058): no caller, the link's token
          // authorises it, and a wrong token is a 404 (AlertTest forges and borrows tokens).
          "/abbestellen");

  /**
   * Services routes where any signed-in actor may act by design: applying to become a partner and
   * ordering an offer are a resident's own business, not a write of the city's data. Residents are
   * not asked there; anonymous callers and read-only keys still are.
   */
  private static final Set<String> PARTICIPATION =
      Set.of("POST /api/v1/{tenant}/partners", "POST /api/v1/{tenant}/offers/{offer}/orders");

  /** The services layer's records the matrix runs against: a partner's service, offer, order. */
  private static final String BUSINESS_ID = "matrix1";

  private static final PartnerId MATRIX_PARTNER = new PartnerId("matrix-partner");

  private static final Set<RequestMethod> MUTATING =
      EnumSet.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

  private static final String ID = "urn:ngsi-ld:T:matrix1";
  private static final String SUBSCRIPTION = "urn:ngsi-ld:Subscription:matrix1";
  private static final String ATTRS = "{\"a\": {\"type\": \"Property\", \"value\": 99}}";
  private static final String ENTITY =
      "{\"id\": \"" + ID + "\", \"type\": \"T\", \"a\": {\"type\": \"Property\", \"value\": 99}}";
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired ApplicationContext context;
  @Autowired Services services;
  @Autowired Offers offers;
  @Autowired Ordering ordering;
  @Autowired Accounts accounts;

  /** The id of the matrix's order in this test's tenant (order ids are made by the platform). */
  private String order = "";

  record Route(String method, String pattern) {
    boolean api() {
      return pattern.startsWith("/ngsi-ld/") || pattern.startsWith("/ingestion/");
    }

    boolean business() {
      return pattern.startsWith("/api/v1/{tenant}/");
    }

    boolean subscriptions() {
      return pattern.startsWith("/ngsi-ld/v1/subscriptions");
    }

    @Override
    public String toString() {
      return method + " " + pattern;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyMutatingRouteRefusesAnonymousResidentAndReadOnlyCallers() {
    List<Route> routes = mutatingRoutes();
    assertThat(routes).as("the matrix found the API's write routes").hasSizeGreaterThan(25);
    String before = stored();
    TestKeys keys = new TestKeys(context);
    Http resident = http.key(keys.key(TestKeys.all()));
    Http readOnly = http.key(keys.key(TestKeys.only(Operation.READ), TestKeys.operatorOf(tenant)));

    List<DynamicTest> tests = new ArrayList<>();
    for (Route route : routes) {
      tests.add(
          DynamicTest.dynamicTest(
              "anonymous " + route,
              () -> {
                Http.Response answer = send(http.anonymous(), route);
                if (route.api()) {
                  assertThat(answer.status()).as(route + ": " + answer).isEqualTo(401);
                  assertThat(answer.header("WWW-Authenticate"))
                      .as(route.toString())
                      .hasValueSatisfying(c -> assertThat(c).startsWith("Bearer realm="));
                } else {
                  // Portal forms: refused without a CSRF token before any decision.
                  assertThat(answer.status()).as(route + ": " + answer).isIn(401, 403);
                }
                assertProblem(route, answer);
              }));
      if (route.subscriptions()) {
        // Residents may subscribe; whose subscription they may change is ownership, see
        // aResidentCannotChangeAnotherOnesSubscription.
        continue;
      }
      if (!PARTICIPATION.contains(route.toString())) {
        tests.add(
            DynamicTest.dynamicTest(
                "resident " + route,
                () -> {
                  Http.Response answer = send(resident, route);
                  assertThat(answer.status()).as(route + ": " + answer).isEqualTo(403);
                  assertProblem(route, answer);
                }));
      }
      tests.add(
          DynamicTest.dynamicTest(
              "read-only key " + route,
              () -> {
                Http.Response answer = send(readOnly, route);
                assertThat(answer.status()).as(route + ": " + answer).isEqualTo(403);
                assertProblem(route, answer);
              }));
    }
    tests.add(
        DynamicTest.dynamicTest("nothing changed", () -> assertThat(stored()).isEqualTo(before)));
    return tests.stream();
  }

  @Test
  void aResidentCannotActAsAnOperator() {
    TestKeys keys = new TestKeys(context);
    Http resident = http.key(keys.key(TestKeys.all()));
    Http cityOperator = http.key(keys.key(TestKeys.all(), TestKeys.operatorOf(tenant)));

    for (String endpoint : List.of("/actuator/metrics", "/actuator/prometheus", "/actuator/info")) {
      assertThat(http.anonymous().get(endpoint).status()).as(endpoint).isEqualTo(401);
      assertThat(resident.get(endpoint).status()).as(endpoint).isEqualTo(403);
      assertThat(cityOperator.get(endpoint).status()).as(endpoint).isEqualTo(403);
      assertThat(http.get(endpoint).status()).as(endpoint).isEqualTo(200);
    }
    assertThat(http.anonymous().get("/actuator/health").status()).isEqualTo(200);
    for (Route route : adminRoutes()) {
      Http.Response answer = send(resident, route);
      assertThat(answer.status()).as(route + ": " + answer).isEqualTo(403);
    }
  }

  @Test
  void aResidentCannotChangeAnotherOnesSubscription() {
    stored();
    Http resident = http.key(new TestKeys(context).key(TestKeys.all()));

    assertThat(
            resident
                .patch("/ngsi-ld/v1/subscriptions/" + SUBSCRIPTION, "{\"description\": \"x\"}")
                .status())
        .isIn(403, 404);
    assertThat(resident.delete("/ngsi-ld/v1/subscriptions/" + SUBSCRIPTION).status())
        .isIn(403, 404);
    assertThat(http.get("/ngsi-ld/v1/subscriptions/" + SUBSCRIPTION).status()).isEqualTo(200);
  }

  /** Every (method, path) pair that may change something. */
  private List<Route> mutatingRoutes() {
    Set<String> seen = new TreeSet<>();
    List<Route> routes = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (RequestMethod method : methods.isEmpty() ? MUTATING : methods) {
        for (String pattern : info.getPatternValues()) {
          if (MUTATING.contains(method)
              && !READ_ONLY_POSTS.contains(pattern)
              && seen.add(method + " " + pattern)) {
            routes.add(new Route(method.name(), pattern));
          }
        }
      }
    }
    return routes;
  }

  /** Routes of operators: admin APIs and the audit log, with every method they take. */
  private List<Route> adminRoutes() {
    List<Route> routes = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (pattern.contains("/admin") || pattern.contains("/audit")) {
          Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
          for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
            routes.add(new Route(method.name(), pattern));
          }
        }
      }
    }
    return routes;
  }

  /** The matrix's data as the platform operator sees it: must be the same after the matrix. */
  private String stored() {
    if (order.isEmpty()) {
      order = businessRecords();
    }
    if (http.get(ENTITIES + "/" + ID).status() == 404) {
      assertThat(http.post(ENTITIES, ENTITY.replace("99", "1")).status()).isEqualTo(201);
      assertThat(
              http.post(
                      "/ngsi-ld/v1/temporal/entities/" + ID + "/attrs",
                      "{\"b\": [{\"type\": \"Property\", \"value\": 1,"
                          + " \"observedAt\": \"2026-01-01T00:00:00Z\"}]}")
                  .status())
          .isEqualTo(204);
      assertThat(
              http.post(
                      "/ngsi-ld/v1/subscriptions",
                      SubscriptionCrudTest.subscription(SUBSCRIPTION, ""))
                  .status())
          .isEqualTo(201);
    }
    return http.get(ENTITIES + "/" + ID + "?options=sysAttrs").text()
        + http.get("/ngsi-ld/v1/temporal/entities/" + ID).text()
        + http.get("/ngsi-ld/v1/subscriptions/" + SUBSCRIPTION).text()
        + http.get("/api/v1/" + tenant + "/services/" + BUSINESS_ID).text()
        + http.get("/api/v1/" + tenant + "/offers/" + BUSINESS_ID).text()
        + http.get("/api/v1/" + tenant + "/orders?all=true").text();
  }

  /**
   * A partner's service and published offer in this test's tenant, and an order of it by another
   * account: the services routes then meet existing records, so a refusal is the gate's and not a
   * 404. Returns the order's id.
   */
  private String businessRecords() {
    TenantId in = TenantId.of(tenant);
    TestServices.of(services, in, MATRIX_PARTNER.value(), BUSINESS_ID);
    offers.create(
        in,
        new OfferId(BUSINESS_ID),
        MATRIX_PARTNER,
        new OfferDraft(
            BUSINESS_ID,
            Text.of("Matrix", "Matrix"),
            Text.of("Bedingungen", "Terms"),
            new BusinessModel.Free(),
            VatRate.ZERO,
            LocalDate.of(2026, 1, 1),
            Optional.empty(),
            Optional.empty()));
    offers.publish(in, new OfferId(BUSINESS_ID));
    AccountId consumer =
        accounts.createVerified(UUID.randomUUID() + "@example.org", "Matrix").orElseThrow();
    return ordering
        .place(in, new OfferId(BUSINESS_ID), consumer, Optional.empty(), 1)
        .order()
        .id()
        .value();
  }

  private Http.Response send(Http caller, Route route) {
    String path = path(route.pattern());
    String body = route.method().equals("DELETE") ? null : body(route);
    return caller.send(route.method(), path, body, body == null ? null : Http.JSON);
  }

  /** The pattern with each variable replaced by what the matrix's data names. */
  private String path(String pattern) {
    Matcher variable = VARIABLE.matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (variable.find()) {
      String value =
          switch (variable.group(1)) {
            case "tenant" -> tenant;
            case "order" -> order;
            case "offer" -> BUSINESS_ID;
            case "id" -> pattern.startsWith("/api/v1/{tenant}/") ? BUSINESS_ID : ID;
            case "attr", "attrId" -> "a";
            case "instanceId" -> "urn:ngsi-ld:Instance:matrix1";
            case "contextId" -> "matrix";
            default -> pattern.contains("/subscriptions/") ? SUBSCRIPTION : ID;
          };
      variable.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    variable.appendTail(path);
    return path.toString();
  }

  /** A body the route would accept from someone allowed, so that a refusal is the gate's. */
  private static String body(Route route) {
    String p = route.pattern();
    if (route.business()) {
      return "{\"id\": \"matrix2\", \"provider\": \""
          + MATRIX_PARTNER.value()
          + "\","
          + " \"service\": \""
          + BUSINESS_ID
          + "\", \"acceptTerms\": 1, \"version\": 1,"
          + " \"decision\": \"approve\", \"reason\": \"matrix\"}";
    }
    if (p.equals("/ngsi-ld/v1/entities")) {
      return ENTITY.replace("matrix1", "matrix2");
    }
    if (p.endsWith("/entityOperations/delete")) {
      return "[\"" + ID + "\"]";
    }
    if (p.contains("/entityOperations/")) {
      return "[" + ENTITY + "]";
    }
    if (p.equals("/ngsi-ld/v1/temporal/entities")) {
      return "{\"id\": \"urn:ngsi-ld:T:matrix2\", \"type\": \"T\", \"a\": [{\"type\":"
          + " \"Property\", \"value\": 9, \"observedAt\": \"2026-01-02T00:00:00Z\"}]}";
    }
    if (p.startsWith("/ngsi-ld/v1/temporal/")) {
      return "{\"a\": [{\"type\": \"Property\", \"value\": 9,"
          + " \"observedAt\": \"2026-01-02T00:00:00Z\"}]}";
    }
    if (p.equals("/ngsi-ld/v1/subscriptions")) {
      return SubscriptionCrudTest.subscription("urn:ngsi-ld:Subscription:matrix2", "");
    }
    if (p.startsWith("/ngsi-ld/v1/subscriptions/")) {
      return "{\"description\": \"changed\"}";
    }
    if (p.startsWith("/ngsi-ld/v1/jsonldContexts")) {
      return "{\"@context\": {\"Matrix\": \"https://sundwerk.org/ns/Matrix\"}}";
    }
    if (p.endsWith("/attrs/{attr}")) {
      return route.method().equals("PATCH")
          ? "{\"value\": 99}"
          : "{\"type\": \"Property\", \"value\": 99}";
    }
    if (p.equals("/ngsi-ld/v1/entities/{id}") && route.method().equals("PUT")) {
      return "{\"type\": \"T\", \"a\": {\"type\": \"Property\", \"value\": 99}}";
    }
    if (p.startsWith("/ngsi-ld/v1/entities/")) {
      return ATTRS;
    }
    if (p.equals("/ingestion/chirpstack")) {
      return fixture("chirpstack-v4-parking-decoded.json");
    }
    if (p.equals("/ingestion/ttn")) {
      return fixture("tts-v3-water-raw.json");
    }
    if (p.startsWith("/ingestion/json/")) {
      return "{\"a\": 99}";
    }
    return "{}";
  }

  private static void assertProblem(Route route, Http.Response answer) {
    assertThat(answer.header("Content-Type"))
        .as(route + ": " + answer)
        .hasValue("application/problem+json");
    assertThat(answer.json().path("status").asInt())
        .as(route.toString())
        .isEqualTo(answer.status());
  }

  private static String fixture(String name) {
    try (InputStream in = NobodyWritesUnaskedTest.class.getResourceAsStream("/uplinks/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
