package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every answer carries the security headers (API, portal, actuator, the gate's 401, errors of the
 * controllers, of Spring and of Tomcat itself), names no server version, and sends HSTS only when
 * the client spoke TLS: here, when a trusted proxy (127.0.0.2) says so in {@code
 * X-Forwarded-Proto}; the same header from anyone else is ignored.
 */
class SecurityHeadersTest extends ApiTest {

  private static final String PROXY = "127.0.0.2";

  @DynamicPropertySource
  static void proxy(DynamicPropertyRegistry registry) {
    registry.add("sundwerk.access.trusted-proxies", () -> PROXY);
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() {
    Map<String, Http.Response> answers = new LinkedHashMap<>();
    answers.put("API 200", http.get(ENTITIES + "?type=T"));
    answers.put("API 404", http.get(ENTITIES + "/urn:ngsi-ld:T:missing"));
    answers.put("API 400", http.get(ENTITIES + "?q=((("));
    answers.put("gate 401", http.anonymous().post(ENTITIES, "{\"id\":\"urn:a:b\",\"type\":\"T\"}"));
    answers.put("bad key 401", http.key("sw_nonsense").get(ENTITIES + "?type=T"));
    answers.put("portal", http.anonymous().get("/"));
    answers.put("portal 404", http.anonymous().get("/no-such-page"));
    answers.put("health", http.anonymous().get("/actuator/health"));
    answers.put("actuator 401", http.anonymous().get("/actuator/metrics"));

    answers.forEach(
        (what, answer) -> {
          assertThat(answer.status()).as(what).isPositive();
          assertSecurityHeaders(what, answer.raw().headers());
          assertThat(answer.header("Strict-Transport-Security")).as(what).isEmpty();
        });
    assertThat(answers.get("portal").header("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
  }

  @Test
  void whatTomcatRejectsBeforeSpringCarriesThemToo() {
    RawHttp.Response nul = new RawHttp(port).get(ENTITIES + "/%00", Map.of());
    RawHttp.Response line =
        new RawHttp(port)
            .sendRaw(
                "GET /ngsi-ld/v1/entities?a=|<> HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1),
                "bad line");

    for (RawHttp.Response answer : List.of(nul, line)) {
      assertThat(answer.status()).isEqualTo(400);
      Map<String, String> headers = answer.headers();
      assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
      assertThat(headers.get("content-security-policy")).contains("frame-ancestors 'none'");
      assertThat(headers.get("referrer-policy")).isNotBlank();
      assertThat(headers.get("server")).isNull();
    }
  }

  @Test
  void hstsOnlyWhenATrustedProxySaysTheClientSpokeTls() throws Exception {
    HttpHeaders direct = send(InetAddress.getByName("127.0.0.1"), "https");
    HttpHeaders proxiedPlain = send(InetAddress.getByName(PROXY), "http");
    HttpHeaders proxiedTls = send(InetAddress.getByName(PROXY), "https");

    assertThat(direct.firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(proxiedPlain.firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(proxiedTls.firstValue("Strict-Transport-Security"))
        .hasValue("max-age=31536000 ; includeSubDomains");
    assertSecurityHeaders("behind the proxy", proxiedTls);
  }

  private HttpHeaders send(InetAddress from, String proto)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().localAddress(from).build();
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("X-Forwarded-Proto", proto)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.headers();
  }

  private static void assertSecurityHeaders(String what, HttpHeaders headers) {
    assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
    Optional<String> csp = headers.firstValue("Content-Security-Policy");
    assertThat(csp).as(what + ": CSP").isPresent();
    assertThat(
            headers.firstValue("X-Frame-Options").isPresent()
                || csp.get().contains("frame-ancestors 'none'"))
        .as(what + ": framing")
        .isTrue();
    assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
    assertThat(headers.firstValue("Server")).as(what + ": Server").isEmpty();
    assertThat(headers.firstValue("X-Powered-By")).as(what).isEmpty();
  }
}
