package org.sundwerk.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;
import org.sundwerk.app.SundwerkApplication;

/**
 * Base of the HTTP API tests: one real server on a random port over the backend {@link TestBackend}
 * selects: on SQLite a fresh data directory shared by all test classes (Spring caches the context),
 * on PostgreSQL a fresh database per test class. Each test gets its own tenant so tests never see
 * each other's entities.
 */
@SpringBootTest(
    classes = SundwerkApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestExecutionListeners(
    listeners = TestBackend.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
// Every test class shares one server and calls from 127.0.0.1: one anonymous bucket would answer
// 429 to whichever test comes after the 60th anonymous call. RateLimitTest turns them on again.
@TestPropertySource(properties = "sundwerk.access.rate-limited=false")
abstract class ApiTest {

  static final String CORE = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld";
  static final String ENTITIES = "/ngsi-ld/v1/entities";

  private static final Path DATA = tempDir();

  @LocalServerPort int port;

  /** A client bound to this test's own tenant. */
  Http http;

  String tenant;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("sundwerk.data-dir", DATA::toString);
    registry.add("sundwerk.max-payload-bytes", () -> "1048576");
    registry.add("sundwerk.demo.enabled", () -> "false");
    registry.add("sundwerk.mqtt.embedded.enabled", () -> "false");
    registry.add("sundwerk.notifications.allowed-hosts", () -> "127.0.0.1");
    TestBackend.properties().forEach((name, value) -> registry.add(name, () -> value));
  }

  @BeforeEach
  void newTenant() {
    tenant = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    http = new Http(port).tenant(tenant);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("sundwerk-api-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
