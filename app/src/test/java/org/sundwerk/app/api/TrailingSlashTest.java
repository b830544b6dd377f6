package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every NGSI-LD resource answers with a trailing slash as without one (the spec's resource table
 * writes {@code /entities/}, {@code /subscriptions/}, {@code /entities/{entityId}/attrs/}). Each
 * row is an operation sent with the slash and the status it answers without.
 */
class TrailingSlashTest extends ApiTest {

  private static final String V1 = "/ngsi-ld/v1/";
  private static final String E1 = "entities/urn:ngsi-ld:T:e1/";
  private static final String TEMPORAL_E1 = "temporal/entities/urn:ngsi-ld:T:e1/";
  private static final String S1 = "subscriptions/urn:ngsi-ld:Subscription:s1/";
  private static final String QUERY = "{\"type\": \"Query\", \"entities\": [{\"type\": \"T\"}]}";

  record Case(String method, String path, String body, int status) {
    @Override
    public String toString() {
      return method + " " + path + " -> " + status;
    }
  }

  static Stream<Case> operations() {
    return Stream.of(
        new Case("GET", "entities/?type=T", null, 200),
        new Case("POST", "entities/", "{\"id\": \"urn:ngsi-ld:T:e2\", \"type\": \"T\"}", 201),
        new Case("GET", E1, null, 200),
        new Case("PUT", E1, "{\"type\": \"T\", \"a\": 2}", 204),
        new Case("PATCH", E1, "{\"a\": 3}", 204),
        new Case("DELETE", E1, null, 204),
        new Case("POST", E1 + "attrs/", "{\"b\": 1}", 204),
        new Case("PATCH", E1 + "attrs/", "{\"a\": 4}", 204),
        new Case("PATCH", E1 + "attrs/a/", "{\"value\": 5}", 204),
        new Case("PUT", E1 + "attrs/a/", "{\"type\": \"Property\", \"value\": 6}", 204),
        new Case("DELETE", E1 + "attrs/a/", null, 204),
        new Case(
            "POST",
            "subscriptions/",
            SubscriptionCrudTest.subscription("urn:ngsi-ld:Subscription:s2", ""),
            201),
        new Case("GET", "subscriptions/", null, 200),
        new Case("GET", S1, null, 200),
        new Case("PATCH", S1, "{\"q\": \"availableSpotNumber<10\"}", 204),
        new Case("DELETE", S1, null, 204),
        new Case("GET", "temporal/entities/?type=T", null, 200),
        new Case("GET", TEMPORAL_E1, null, 200),
        new Case(
            "POST",
            "temporal/entities/",
            "{\"id\": \"urn:ngsi-ld:T:e4\", \"type\": \"T\","
                + " \"a\": {\"type\": \"Property\", \"value\": 1, \"observedAt\": \"2026-01-01T00:00:00Z\"}}",
            201),
        new Case(
            "POST",
            TEMPORAL_E1 + "attrs/",
            "{\"a\": {\"type\": \"Property\", \"value\": 9, \"observedAt\": \"2026-01-03T00:00:00Z\"}}",
            204),
        new Case("DELETE", TEMPORAL_E1 + "attrs/a/", null, 204),
        new Case("DELETE", TEMPORAL_E1, null, 204),
        new Case("POST", "temporal/entityOperations/query/", QUERY, 200),
        new Case(
            "POST",
            "entityOperations/create/",
            "[{\"id\": \"urn:ngsi-ld:T:e3\", \"type\": \"T\"}]",
            201),
        new Case(
            "POST",
            "entityOperations/upsert/",
            "[{\"id\": \"urn:ngsi-ld:T:e1\", \"type\": \"T\", \"a\": 7}]",
            204),
        new Case(
            "POST", "entityOperations/update/", "[{\"id\": \"urn:ngsi-ld:T:e1\", \"a\": 8}]", 204),
        new Case(
            "POST", "entityOperations/merge/", "[{\"id\": \"urn:ngsi-ld:T:e1\", \"a\": 9}]", 204),
        new Case("POST", "entityOperations/delete/", "[\"urn:ngsi-ld:T:e1\"]", 204),
        new Case("POST", "entityOperations/query/", QUERY, 200),
        new Case("GET", "types/", null, 200),
        new Case("GET", "types/T/", null, 200),
        new Case("GET", "attributes/", null, 200),
        new Case("GET", "attributes/a/", null, 200),
        new Case("GET", "jsonldContexts/", null, 200),
        new Case(
            "POST", "jsonldContexts/", "{\"@context\": {\"T\": \"https://example.org/T\"}}", 201));
  }

  @BeforeEach
  void createEntityAndSubscription() {
    assertThat(
            http.post(
                    ENTITIES,
                    "{\"id\": \"urn:ngsi-ld:T:e1\", \"type\": \"T\", \"a\": {\"type\": \"Property\","
                        + " \"value\": 1, \"observedAt\": \"2026-01-01T00:00:00Z\"}}")
                .status())
        .isEqualTo(201);
    assertThat(
            http.post(
                    SubscriptionCrudTest.SUBSCRIPTIONS,
                    SubscriptionCrudTest.subscription("urn:ngsi-ld:Subscription:s1", ""))
                .status())
        .isEqualTo(201);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void servesTheResourceWithATrailingSlash(Case operation) {
    String contentType =
        operation.body() == null
            ? null
            : operation.path().startsWith("jsonldContexts") ? Http.LD_JSON : Http.JSON;

    Http.Response response =
        http.send(operation.method(), V1 + operation.path(), operation.body(), contentType);

    assertThat(response.status()).as(response.toString()).isEqualTo(operation.status());
  }
}
