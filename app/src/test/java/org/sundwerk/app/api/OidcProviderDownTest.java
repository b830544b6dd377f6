package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.sundwerk.app.SundwerkApplication;

/**
 * Sundwerk starts and serves while its OpenID provider cannot be reached (nothing listens on port
 * 1): bearer tokens are refused with 401 and a WARN names the issuer; everything else works.
 */
@SpringBootTest(
    classes = SundwerkApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestExecutionListeners(
    listeners = TestBackend.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ExtendWith(OutputCaptureExtension.class)
class OidcProviderDownTest {

  private static final String ISSUER = "http://127.0.0.1:1/realms/stralsund";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    String data = Files.createTempDirectory("sundwerk-oidc-down").toString();
    registry.add("sundwerk.data-dir", () -> data);
    registry.add("sundwerk.demo.enabled", () -> "false");
    registry.add("sundwerk.mqtt.embedded.enabled", () -> "false");
    registry.add("sundwerk.access.oidc.issuer-uri", () -> ISSUER);
    registry.add("sundwerk.access.oidc.client-id", () -> "sundwerk-portal");
    registry.add("sundwerk.access.oidc.client-secret", () -> "secret");
    TestBackend.properties().forEach((name, value) -> registry.add(name, () -> value));
  }

  @Test
  void bearerTokensAreRefusedAndEverythingElseWorks(CapturedOutput output) {
    Http http = new Http(port).tenant("down");
    String token = OidcProvider.token("erika", OidcProvider.verified("erika@example.org"));

    Http.Response refused =
        http.anonymous()
            .with("Authorization", "Bearer " + token)
            .get("/ngsi-ld/v1/entities?type=OffStreetParking");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("WWW-Authenticate")).isPresent();
    assertThat(output.getAll())
        .contains("the OIDC issuer " + ISSUER + " did not answer")
        .doesNotContain(token.split("\\.")[2]);
    assertThat(
            http.post(
                    "/ngsi-ld/v1/entities", OidcApiTest.entity("urn:ngsi-ld:OffStreetParking:down"))
                .status())
        .isEqualTo(201);
    assertThat(http.anonymous().get("/actuator/health").json().path("status").asString())
        .isEqualTo("UP");
  }
}
