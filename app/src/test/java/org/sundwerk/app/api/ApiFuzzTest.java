package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded fuzzing of the HTTP edge against the real server: per seed, a fixed sequence of requests
 * with mutated methods, paths, query strings, headers and bodies (raw characters, broken escapes,
 * empty names, invalid UTF-8, huge numbers and dates, oversized lines and bodies, trailing
 * slashes). Every answer must come within {@link RawHttp#TIMEOUT_MILLIS}, never be a 5xx, and every
 * error must be an NGSI-LD ProblemDetails. A failure names the seed, the step and the request;
 * rerun one seed by keeping only it in the list.
 */
class ApiFuzzTest extends ApiTest {

  private static final int REQUESTS_PER_SEED = 120;

  private static final List<String> METHODS =
      List.of("GET", "GET", "POST", "POST", "PATCH", "PUT", "DELETE", "OPTIONS", "HEAD", "FOO");

  private static final List<String> PATHS =
      List.of(
          "/ngsi-ld/v1/entities",
          "/ngsi-ld/v1/entities/urn:ngsi-ld:T:f1",
          "/ngsi-ld/v1/entities/urn:ngsi-ld:T:f1/attrs",
          "/ngsi-ld/v1/entities/urn:ngsi-ld:T:f1/attrs/a",
          "/ngsi-ld/v1/subscriptions",
          "/ngsi-ld/v1/subscriptions/urn:ngsi-ld:Subscription:f1",
          "/ngsi-ld/v1/temporal/entities",
          "/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:T:f1",
          "/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:T:f1/attrs/a",
          "/ngsi-ld/v1/temporal/entityOperations/query",
          "/ngsi-ld/v1/entityOperations/create",
          "/ngsi-ld/v1/entityOperations/upsert",
          "/ngsi-ld/v1/entityOperations/update",
          "/ngsi-ld/v1/entityOperations/merge",
          "/ngsi-ld/v1/entityOperations/delete",
          "/ngsi-ld/v1/entityOperations/query",
          "/ngsi-ld/v1/types",
          "/ngsi-ld/v1/types/T",
          "/ngsi-ld/v1/attributes",
          "/ngsi-ld/v1/attributes/a",
          "/ngsi-ld/v1/jsonldContexts",
          "/ngsi-ld/v1/csourceRegistrations",
          "/ngsi-ld/v1/",
          "/ingestion/chirpstack",
          "/ingestion/ttn",
          "/ingestion/json/t1/urn:ngsi-ld:T:f1",
          "/error",
          "/unknown");

  /** Parameter names and values that start valid, before mutation. */
  private static final List<String[]> PARAMETERS =
      List.of(
          new String[] {"type", "T"},
          new String[] {"type", "T,U"},
          new String[] {"q", "a>1"},
          new String[] {"q", "a==\"x\"|b<2"},
          new String[] {"q", "a==1..5;b!=3"},
          new String[] {"attrs", "a,b"},
          new String[] {"pick", "id,a"},
          new String[] {"omit", "b"},
          new String[] {"limit", "5"},
          new String[] {"offset", "1"},
          new String[] {"count", "true"},
          new String[] {"options", "keyValues,sysAttrs"},
          new String[] {"format", "concise"},
          new String[] {"lang", "de"},
          new String[] {"georel", "near;maxDistance==100"},
          new String[] {"geometry", "Point"},
          new String[] {"coordinates", "[13.09,54.31]"},
          new String[] {"scopeQ", "/Stralsund/#"},
          new String[] {"idPattern", "urn:ngsi-ld:T:f"},
          new String[] {"timerel", "after"},
          new String[] {"timeAt", "2026-01-01T00:00:00Z"},
          new String[] {"aggrMethods", "sum,avg"},
          new String[] {"aggrPeriodDuration", "PT1H"},
          new String[] {"lastN", "3"},
          new String[] {"event", "up"},
          new String[] {"", "1"});

  private static final List<String> BODIES =
      List.of(
          "{\"id\": \"urn:ngsi-ld:T:f1\", \"type\": \"T\", \"a\": {\"type\": \"Property\","
              + " \"value\": 1, \"observedAt\": \"2026-01-01T00:00:00Z\"}, \"b\": 2}",
          "{\"a\": {\"value\": 3}}",
          "{\"value\": 4}",
          "[{\"id\": \"urn:ngsi-ld:T:f2\", \"type\": \"T\", \"a\": 5}]",
          "[\"urn:ngsi-ld:T:f2\"]",
          "{\"type\": \"Query\", \"entities\": [{\"type\": \"T\"}], \"attrs\": [\"a\"]}",
          SubscriptionCrudTest.subscription("urn:ngsi-ld:Subscription:f1", ""),
          "{\"@context\": {\"T\": \"https://example.org/T\"}}",
          "{\"deviceInfo\": {\"devEui\": \"0102030405060708\", \"tenantName\": \"t1\"},"
              + " \"object\": {\"temperature\": 21.5}, \"deduplicationId\": \"d1\"}",
          "{\"end_device_ids\": {\"dev_eui\": \"0102030405060708\"},"
              + " \"uplink_message\": {\"decoded_payload\": {\"t\": 1}}}");

  private static final List<String> NASTY_VALUES =
      List.of(
          "1e400",
          "-1e400",
          "9".repeat(400),
          "\"+999999999-12-31T23:59:59Z\"",
          "null",
          "{}",
          "[]",
          "\"" + "x".repeat(5000) + "\"",
          "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]",
          "true");

  private static final String RAW_CHARS = "<>\"[]{}|^`";

  private static final List<String> ESCAPES =
      List.of("%00", "%2F", "%C3%28", "%zz", "%", "%25", "%20", "%FF", "%E2%80%A6");

  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json",
          "application/ld+json",
          "application/merge-patch+json",
          "text/plain",
          "application/json; charset=nonsense",
          "garbage/",
          ";;;");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void answersEveryMutatedRequestWithoutA5xxOrAnErrorThatIsNoProblemDetails(long seed) {
    Random random = new Random(seed);
    RawHttp raw = new RawHttp(port);
    http.post(ENTITIES, BODIES.getFirst());
    for (int step = 0; step < REQUESTS_PER_SEED; step++) {
      String method = pick(random, METHODS);
      String target = path(random) + query(random);
      Map<String, String> headers = headers(random);
      byte[] body = random.nextInt(3) == 0 ? null : body(random);
      String request =
          "seed "
              + seed
              + ", step "
              + step
              + ": "
              + method
              + " "
              + RawHttp.shorten(target)
              + " "
              + headers
              + (body == null
                  ? ""
                  : " body " + RawHttp.shorten(new String(body, StandardCharsets.UTF_8)));
      RawHttp.Response response;
      try {
        response = raw.send(method, target, headers, body);
      } catch (RawHttp.Hang e) {
        fail("Hang: " + request);
        return;
      }
      assertThat(response.status()).as("5xx for %s: %s", request, response).isLessThan(500);
      if (response.status() >= 400 && !method.equals("HEAD")) {
        assertThat(response.isProblemDetails())
            .as("not a ProblemDetails for %s: %s", request, response)
            .isTrue();
      }
    }
  }

  private static String path(Random random) {
    String path = pick(random, PATHS);
    switch (random.nextInt(8)) {
      case 0 -> path += "/";
      case 1 -> path += "/" + pick(random, ESCAPES) + "x";
      case 2 -> path = path.replace("urn:ngsi-ld:T:f1", "urn:ngsi-ld:T:" + pick(random, ESCAPES));
      case 3 -> path += "/" + RAW_CHARS.charAt(random.nextInt(RAW_CHARS.length()));
      case 4 -> path = path.replace("/ngsi-ld/v1", "/ngsi-ld/v1//");
      case 5 -> path += random.nextInt(20) == 0 ? "/" + "s".repeat(9000) : "/..";
      default -> {}
    }
    return path;
  }

  private static String query(Random random) {
    int count = random.nextInt(4);
    if (count == 0) {
      return "";
    }
    StringBuilder query = new StringBuilder("?");
    for (int i = 0; i < count; i++) {
      String[] parameter = pick(random, PARAMETERS);
      String value = parameter[1];
      switch (random.nextInt(6)) {
        case 0 ->
            value =
                value.substring(0, random.nextInt(value.length() + 1))
                    + RAW_CHARS.charAt(random.nextInt(RAW_CHARS.length()));
        case 1 -> value += pick(random, ESCAPES);
        case 2 -> value = "";
        case 3 ->
            value = pick(random, List.of("-1", "0", "99999999999", "PT0.000000001S", "1e400"));
        default -> {}
      }
      query.append(i == 0 ? "" : "&").append(parameter[0]).append('=').append(value);
    }
    return query.toString();
  }

  private Map<String, String> headers(Random random) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (random.nextInt(6) != 0) {
      headers.put("Content-Type", pick(random, CONTENT_TYPES));
    }
    switch (random.nextInt(5)) {
      case 0 -> headers.put("NGSILD-Tenant", "bad tenant/" + pick(random, ESCAPES));
      case 1 -> {}
      default -> headers.put("NGSILD-Tenant", tenant);
    }
    switch (random.nextInt(6)) {
      case 0 ->
          headers.put(
              "Accept", pick(random, List.of("text/csv", "*/*;q=x", "application/geo+json", "")));
      case 1 ->
          headers.put(
              "Link",
              pick(
                  random,
                  List.of(
                      "<" + CORE + ">; rel=\"http://www.w3.org/ns/json-ld#context\"",
                      "<not a url>; rel=\"http://www.w3.org/ns/json-ld#context\"",
                      "garbage")));
      default -> {}
    }
    return headers;
  }

  private static byte[] body(Random random) {
    String body = pick(random, BODIES);
    switch (random.nextInt(7)) {
      case 0 -> body = body.substring(0, random.nextInt(body.length()));
      case 1 -> body = body.replaceFirst("\\d+(\\.\\d+)?", pick(random, NASTY_VALUES));
      case 2 -> body = body.replaceFirst("\"[^\"]*\"", pick(random, NASTY_VALUES));
      case 3 -> body = pick(random, List.of("", "{}", "[]", "null", "\"x\"", "{\"a\": }"));
      case 4 -> {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
        return bytes;
      }
      case 5 -> {
        if (random.nextInt(10) == 0) {
          return ("\"" + "z".repeat(1_100_000) + "\"").getBytes(StandardCharsets.UTF_8);
        }
      }
      default -> {}
    }
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
