package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sundwerk.app.TestAdmin;

/**
 * Seeded fuzzing of the forms that take secrets (sign-in, registration, password reset) and of the
 * admin API that issues keys: whatever a client sends, the answer is a page or a refusal (never a
 * 5xx), and what it typed comes back escaped. A failure names the seed and the step.
 */
class SignInAndKeyFuzzTest extends PortalTest {

  private static final int STEPS_PER_SEED = 12;

  private static final List<String> FORMS = List.of("/login", "/register", "/password/forgot");

  private static final String SCRIPT = "<script>alert(1)</script>";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static IntStream seeds() {
    return IntStream.range(0, 5);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theSignInFormsAnswerEveryInputWithAPageOrARefusal(long seed) {
    Random random = new Random(seed);
    for (int step = 0; step < STEPS_PER_SEED; step++) {
      String form = FORMS.get(random.nextInt(FORMS.size()));
      String email = value(random);
      String password = value(random);
      String name = value(random);
      Visitor.Page page =
          visitor().submit(form, "email", email, "password", password, "displayName", name);

      String label = "seed " + seed + " step " + step + " " + form + " -> " + page.status();
      assertThat(page.status()).as(label).isBetween(200, 499);
      assertThat(page.body()).as(label + ": user text is escaped").doesNotContain(SCRIPT);
      if (password.startsWith("Windmills") && !password.equals(email) && !password.equals(name)) {
        assertThat(page.body()).as(label + ": a password is never shown").doesNotContain(password);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theKeyEndpointAnswersEveryBodyWithAKeyOrAProblem(long seed) throws Exception {
    Random random = new Random(seed);
    String account =
        send(
                "/api/v1/admin/accounts",
                "{\"email\": \"fuzz-" + seed + "-" + System.nanoTime() + "@example.org\"}")
            .body()
            .replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    for (int step = 0; step < STEPS_PER_SEED; step++) {
      String body = keyRequest(random);
      HttpResponse<String> answer = send("/api/v1/admin/accounts/" + account + "/keys", body);

      String label = "seed " + seed + " step " + step + " " + body + " -> " + answer.statusCode();
      assertThat(answer.statusCode()).as(label).isIn(201, 400, 403, 404, 413, 415);
      if (answer.statusCode() != 201) {
        assertThat(answer.headers().firstValue("Content-Type"))
            .as(label)
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      }
    }
  }

  private HttpResponse<String> send(String path, String json)
      throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(30))
            .header(TestAdmin.HEADER, TestAdmin.KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A form value: empty, long, unicode, markup, SQL-ish, or plausible. */
  private static String value(Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> "";
      case 1 -> "x".repeat(1 + random.nextInt(20_000));
      case 2 -> "Grüße aus Stralsund 🌊 ‮ ⁦ \u0000 \t";
      case 3 -> SCRIPT;
      case 4 -> "' OR 1=1 --";
      case 5 -> "a@b";
      case 6 -> "%00%ZZ%";
      case 7 -> "user" + random.nextInt(1000) + "@example.org";
      default -> "Windmills turn slowly at Strelasund " + random.nextInt(1000);
    };
  }

  /** A key request: sometimes right, mostly wrong in shape, type or content. */
  private static String keyRequest(Random random) {
    String[] tenants = {
      "[\"\"]", "[\"stralsund\"]", "[]", "\"stralsund\"", "[1]", "[\"bad name!\"]"
    };
    String[] operations = {
      "[\"read\"]", "[\"write\", \"ingest\"]", "[]", "[\"fly\"]", "null", "{}"
    };
    String[] types = {"[]", "[\"OffStreetParking\"]", "[\"\"]", "[42]", "\"x\""};
    return switch (random.nextInt(6)) {
      case 0 -> "";
      case 1 -> "[]";
      case 2 -> "{\"tenants\": " + tenants[random.nextInt(tenants.length)] + "}";
      case 3 -> "{\"name\": \"" + "n".repeat(random.nextInt(5000)) + "\"";
      default ->
          "{\"name\": \"fuzz\", \"tenants\": "
              + tenants[random.nextInt(tenants.length)]
              + ", \"operations\": "
              + operations[random.nextInt(operations.length)]
              + ", \"entityTypes\": "
              + types[random.nextInt(types.length)]
              + "}";
    };
  }
}
