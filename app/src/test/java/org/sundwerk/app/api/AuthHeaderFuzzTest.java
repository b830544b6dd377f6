package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.sundwerk.access.account.Role;
import org.sundwerk.app.TestKeys;

/**
 * Seeded fuzzing of the credential headers against the real server: per seed, a fixed sequence of
 * requests whose {@code Authorization} and {@code X-API-Key} hold garbage, very long values,
 * unicode, JWT-shaped and {@code sw_}-shaped values (a real key's id with a wrong secret among
 * them), other schemes, and both headers disagreeing. None is a valid credential, so every answer
 * must be a 4xx within {@link RawHttp#TIMEOUT_MILLIS} (a 401 with a challenge and a ProblemDetails
 * where the app answered), never a 5xx, and no presented secret may reach the log. A failure names
 * the seed, the step and the headers.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthHeaderFuzzTest extends ApiTest {

  private static final int REQUESTS_PER_SEED = 40;

  private static final List<String[]> TARGETS =
      List.of(
          new String[] {"GET", "/ngsi-ld/v1/entities?type=T"},
          new String[] {"POST", "/ngsi-ld/v1/entities"},
          new String[] {"PATCH", "/ngsi-ld/v1/entities/urn:ngsi-ld:T:f1/attrs"},
          new String[] {"DELETE", "/ngsi-ld/v1/entities/urn:ngsi-ld:T:f1"},
          new String[] {"POST", "/ngsi-ld/v1/subscriptions"},
          new String[] {"POST", "/ingestion/ttn"},
          new String[] {"GET", "/actuator/metrics"},
          new String[] {"GET", "/"});

  private static final String BODY =
      "{\"id\": \"urn:ngsi-ld:T:f1\", \"type\": \"T\", \"a\": {\"type\": \"Property\","
          + " \"value\": 1}}";

  @Autowired ApplicationContext context;

  /** A real key of the tenant's operator, issued once: fuzzed values reuse its id. */
  private static String realKey;

  static IntStream seeds() {
    return IntStream.range(0, 20);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void answersEveryBrokenCredentialWithA4xxAndLogsNoneOfThem(long seed, CapturedOutput output) {
    if (realKey == null) {
      realKey = new TestKeys(context).key(TestKeys.all(), new Role.Platform());
    }
    Random random = new Random(seed);
    RawHttp raw = RawHttp.withoutKey(port);
    List<String> presented = new ArrayList<>();
    for (int step = 0; step < REQUESTS_PER_SEED; step++) {
      String[] target = TARGETS.get(random.nextInt(TARGETS.size()));
      Map<String, String> headers = credentials(random);
      headers.put("NGSILD-Tenant", tenant);
      headers.put("Content-Type", "application/json");
      headers.values().stream().filter(v -> v.length() >= 24).forEach(presented::add);
      String request =
          "seed "
              + seed
              + ", step "
              + step
              + ": "
              + target[0]
              + " "
              + target[1]
              + " "
              + shown(headers);
      RawHttp.Response response;
      try {
        response =
            raw.send(
                target[0],
                target[1],
                headers,
                target[0].equals("GET") || target[0].equals("DELETE")
                    ? null
                    : BODY.getBytes(StandardCharsets.UTF_8));
      } catch (RawHttp.Hang e) {
        fail("Hang: " + request);
        return;
      }
      assertThat(response.status()).as("%s answered %s", request, response).isBetween(400, 499);
      assertThat(response.header("Content-Type"))
          .as("%s answered %s", request, response)
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      if (response.status() == 401) {
        assertThat(response.header("WWW-Authenticate")).as(request).isPresent();
      }
    }
    String log = output.getAll();
    for (String secret : presented) {
      assertThat(log).as("seed %d: a presented credential in the log", seed).doesNotContain(secret);
    }
  }

  /** One or both credential headers, as a client might get them wrong. */
  private Map<String, String> credentials(Random random) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<Function<Random, String>> values =
        List.of(
            AuthHeaderFuzzTest::garbage,
            AuthHeaderFuzzTest::longValue,
            AuthHeaderFuzzTest::unicode,
            AuthHeaderFuzzTest::jwtShaped,
            AuthHeaderFuzzTest::keyShaped,
            AuthHeaderFuzzTest::realIdWrongSecret,
            r -> "");
    String value = values.get(random.nextInt(values.size())).apply(random);
    switch (random.nextInt(7)) {
      case 0 -> headers.put("X-API-Key", value);
      case 1 -> headers.put("Authorization", "Bearer " + value);
      case 2 ->
          headers.put(
              "Authorization",
              List.of("Basic ", "bearer  ", "Token ", "Bearer", "", "Bearer\t", "Digest x=")
                      .get(random.nextInt(7))
                  + value);
      case 3 -> {
        // Both, disagreeing: refused rather than guessed at.
        headers.put("Authorization", "Bearer " + value);
        headers.put("X-API-Key", keyShaped(random));
      }
      case 4 -> {
        headers.put("Authorization", "Bearer " + value);
        headers.put("X-API-Key", value + "x");
      }
      default -> headers.put(random.nextBoolean() ? "X-API-Key" : "Authorization", value);
    }
    return headers;
  }

  private static String garbage(Random random) {
    StringBuilder value = new StringBuilder();
    int length = random.nextInt(80);
    for (int i = 0; i < length; i++) {
      // Visible ASCII, space and tab: what a header line can carry without ending it.
      int c = random.nextInt(97);
      value.append(c == 96 ? '\t' : (char) (' ' + c));
    }
    return value.toString();
  }

  private static String longValue(Random random) {
    return (random.nextBoolean() ? "sw_" : "")
        + "A"
            .repeat(
                random.nextBoolean()
                    ? 1_000 + random.nextInt(4_000)
                    : 9_000 + random.nextInt(60_000));
  }

  /** UTF-8 bytes sent as they are (RawHttp writes ISO-8859-1, one byte per char). */
  private static String unicode(Random random) {
    StringBuilder value = new StringBuilder();
    int length = 1 + random.nextInt(30);
    for (int i = 0; i < length; i++) {
      int codePoint =
          random.nextInt(3) == 0 ? 0x1F300 + random.nextInt(400) : 0xA0 + random.nextInt(0x2F00);
      if (!Character.isSurrogate((char) codePoint)) {
        value.appendCodePoint(codePoint);
      }
    }
    return new String(
        ("sw_" + value).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String jwtShaped(Random random) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        base64.encodeToString(
            (random.nextBoolean() ? "{\"alg\":\"none\",\"typ\":\"JWT\"}" : "{\"alg\":\"RS256\"}")
                .getBytes(StandardCharsets.UTF_8));
    String claims =
        base64.encodeToString(
            ("{\"sub\":\"admin\",\"iss\":\"https://evil.example\",\"exp\":"
                    + (random.nextBoolean() ? "9999999999" : "-1")
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
    byte[] signature = new byte[random.nextInt(64)];
    random.nextBytes(signature);
    return header + "." + claims + "." + base64.encodeToString(signature);
  }

  /** The shape of a real key: {@code sw_<16 hex>_<43 base64url>}, sometimes one char off. */
  private static String keyShaped(Random random) {
    byte[] id = new byte[8];
    byte[] secret = new byte[32];
    random.nextBytes(id);
    random.nextBytes(secret);
    String key =
        "sw_"
            + HexFormat.of().formatHex(id)
            + "_"
            + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return switch (random.nextInt(4)) {
      case 0 -> key.substring(0, key.length() - 1);
      case 1 -> key + "=";
      case 2 -> key.toUpperCase(java.util.Locale.ROOT);
      default -> key;
    };
  }

  /** The real key's id with another secret of the right shape. */
  private static String realIdWrongSecret(Random random) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return TestKeys.idPartOf(realKey)
        + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  private static String shown(Map<String, String> headers) {
    Map<String, String> shown = new LinkedHashMap<>();
    headers.forEach((name, value) -> shown.put(name, RawHttp.shorten(value)));
    return shown.toString();
  }
}
