package org.sundwerk.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Identities;
import org.sundwerk.app.SundwerkApplication;
import org.sundwerk.app.security.AccessGate;

/**
 * Base of the OIDC tests: a server configured with {@link OidcProvider}'s realm as issuer (bearer
 * tokens for the audience {@value OidcProvider#AUDIENCE}, portal login with a client, the realm
 * role {@value OidcProvider#OPERATOR_ROLE} as platform operator), in a data directory of its own.
 */
@SpringBootTest(
    classes = SundwerkApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // Refusals are logged at DEBUG: the log test checks that no token gets there either. (Logging
    // levels must be known before the context starts, so not in the dynamic properties.)
    properties = {
      "logging.level.org.sundwerk.app.security=DEBUG",
      "logging.level.org.springframework.security=TRACE"
    })
@TestExecutionListeners(
    listeners = TestBackend.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@Import(OidcApiTest.WhoAmI.class)
abstract class OidcApiTest {

  static final String ENTITIES = "/ngsi-ld/v1/entities";

  private static final Path DATA = tempDir();

  @LocalServerPort int port;

  @Autowired Accounts accounts;

  @Autowired Identities identities;

  /** A client bound to this test's own tenant, sending the test platform operator's key. */
  Http http;

  String tenant;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("sundwerk.data-dir", DATA::toString);
    registry.add("sundwerk.demo.enabled", () -> "false");
    registry.add("sundwerk.mqtt.embedded.enabled", () -> "false");
    registry.add("sundwerk.access.oidc.issuer-uri", OidcProvider::issuer);
    registry.add("sundwerk.access.oidc.audience", () -> OidcProvider.AUDIENCE);
    registry.add("sundwerk.access.oidc.client-id", () -> OidcProvider.CLIENT_ID);
    registry.add("sundwerk.access.oidc.client-secret", () -> OidcProvider.CLIENT_SECRET);
    registry.add("sundwerk.access.oidc.operator-role", () -> OidcProvider.OPERATOR_ROLE);
    TestBackend.properties().forEach((name, value) -> registry.add(name, () -> value));
  }

  @BeforeEach
  void newTenant() {
    tenant = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    http = new Http(port).tenant(tenant);
  }

  /** A client of this test's tenant that presents {@code token} and nothing else. */
  Http bearer(String token) {
    return http.anonymous().with("Authorization", "Bearer " + token);
  }

  static String uniqueEmail() {
    return "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  static String entity(String id) {
    return """
        {"id": "%s", "type": "OffStreetParking",
         "name": {"type": "Property", "value": "Parkhaus Ozeaneum"}}
        """
        .formatted(id);
  }

  /**
   * Who the portal sees in a request ({@code GET /test/whoami}): the actor's principal, as {@code
   * AccessGate} resolves it from the session cookie. Stands in for the portal's account page.
   */
  @TestComponent
  @RestController
  static class WhoAmI {

    private final AccessGate gate;

    WhoAmI(AccessGate gate) {
      this.gate = gate;
    }

    @GetMapping("/test/whoami")
    String whoAmI(HttpServletRequest request) {
      return gate.actor(request, TenantId.DEFAULT).principal();
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("sundwerk-oidc-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
