package org.sundwerk.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.sundwerk.app.SundwerkApplication;
import org.sundwerk.app.TestAdmin;
import org.sundwerk.store.PostgresTestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two app nodes (two Spring contexts in this JVM) on one PostgreSQL database, each caching resolved
 * keys for 30 s: a key revoked on node A is refused by node B at once, and so is a key whose owner
 * lost the role, because A tells B over {@code LISTEN/NOTIFY}. A key revoked behind the nodes' back
 * (in the database, with no signal) shows that B answers from its cache otherwise.
 */
class KeyRevocationAcrossNodesTest {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient client = HttpClient.newHttpClient();
  private static final String TENANT = "nodes";
  private static final String SENSOR = "/ngsi-ld/v1/entities/urn:ngsi-ld:Sensor:shared";
  private static final String ACCOUNTS = "/api/v1/admin/accounts";

  /** Far below the key cache (30 s): what "at once" allows for the signal to travel. */
  private static final Duration AT_ONCE = Duration.ofSeconds(3);

  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;
  private static int portA;
  private static int portB;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    nodeA = start("a");
    nodeB = start("b");
    portA = port(nodeA);
    portB = port(nodeB);
    assertThat(
            send(
                    portA,
                    TestAdmin.KEY,
                    "POST",
                    "/ngsi-ld/v1/entities",
                    "{\"id\": \"urn:ngsi-ld:Sensor:shared\", \"type\": \"Sensor\"}")
                .statusCode())
        .isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
  }

  @Test
  void aKeyRevokedOnOneNodeIsRefusedOnTheOtherAtOnce() throws Exception {
    String account = operator();
    JsonNode key = createKey(account);
    String secret = key.path("key").asString();
    assertThat(send(portB, secret, "GET", SENSOR, null).statusCode()).isEqualTo(200);

    assertThat(
            send(
                    portA,
                    TestAdmin.KEY,
                    "DELETE",
                    ACCOUNTS + "/" + account + "/keys/" + key.path("id").asString(),
                    null)
                .statusCode())
        .isEqualTo(204);

    long millis = millisUntil(portB, secret, 401);
    System.out.printf("node B refused the key revoked on node A after %d ms%n", millis);
    assertThat(millis).isLessThan(AT_ONCE.toMillis());
  }

  @Test
  void aRoleTakenOnOneNodeNarrowsTheKeyOnTheOtherAtOnce() throws Exception {
    String account = operator();
    String secret = createKey(account).path("key").asString();
    assertThat(send(portB, secret, "GET", "/api/v1/audit?tenant=" + TENANT, null).statusCode())
        .isEqualTo(200);

    assertThat(
            send(
                    portA,
                    TestAdmin.KEY,
                    "DELETE",
                    ACCOUNTS + "/" + account + "/roles?kind=operator&tenant=" + TENANT,
                    null)
                .statusCode())
        .isEqualTo(204);

    long start = System.nanoTime();
    int status = 0;
    while (System.nanoTime() - start < AT_ONCE.toNanos() && status != 403) {
      status = send(portB, secret, "GET", "/api/v1/audit?tenant=" + TENANT, null).statusCode();
    }
    assertThat(status).isEqualTo(403);
  }

  @Test
  void withoutTheSignalTheOtherNodeAnswersFromItsCache() throws Exception {
    JsonNode key = createKey(operator());
    String secret = key.path("key").asString();
    assertThat(send(portB, secret, "GET", SENSOR, null).statusCode()).isEqualTo(200);

    try (Connection connection = DriverManager.getConnection(server.url());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE access_api_keys SET revoked_at = 1 WHERE id = '"
              + key.path("id").asString()
              + "'");
    }

    assertThat(send(portB, secret, "GET", SENSOR, null).statusCode()).isEqualTo(200);
  }

  private static long millisUntil(int port, String secret, int expected) throws Exception {
    long start = System.nanoTime();
    while (send(port, secret, "GET", SENSOR, null).statusCode() != expected
        && System.nanoTime() - start < Duration.ofSeconds(40).toNanos()) {
      Thread.sleep(5);
    }
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  /** A new account, operator of the test tenant, created on node A; returns its id. */
  private static String operator() throws Exception {
    HttpResponse<String> created =
        send(
            portA,
            TestAdmin.KEY,
            "POST",
            ACCOUNTS,
            "{\"email\": \"%s@example.org\", \"tenant\": \"%s\"}"
                .formatted(UUID.randomUUID(), TENANT));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String account = JSON.readTree(created.body()).path("id").asString();
    assertThat(
            send(
                    portA,
                    TestAdmin.KEY,
                    "POST",
                    ACCOUNTS + "/" + account + "/roles",
                    "{\"kind\": \"operator\", \"tenant\": \"%s\"}".formatted(TENANT))
                .statusCode())
        .isEqualTo(200);
    return account;
  }

  private static JsonNode createKey(String account) throws Exception {
    HttpResponse<String> created =
        send(
            portA,
            TestAdmin.KEY,
            "POST",
            ACCOUNTS + "/" + account + "/keys",
            "{\"tenants\": [\"%s\"], \"operations\": [\"read\"]}".formatted(TENANT));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body());
  }

  private static HttpResponse<String> send(
      int port, String key, String method, String path, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header(TestAdmin.HEADER, key)
            .header("NGSILD-Tenant", TENANT)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ConfigurableApplicationContext start(String name) throws Exception {
    return new SpringApplicationBuilder(SundwerkApplication.class)
        .run(
            "--server.port=0",
            "--sundwerk.data-dir=" + Files.createTempDirectory("sundwerk-node-" + name),
            "--sundwerk.db-url=" + server.url(),
            "--sundwerk.db-user=" + PostgresTestDatabase.USER,
            "--sundwerk.db-password=" + PostgresTestDatabase.PASSWORD,
            "--sundwerk.admin-api-key=" + TestAdmin.KEY,
            "--sundwerk.access.key-cache=30s",
            "--sundwerk.demo.enabled=false",
            "--sundwerk.simulator.enabled=false",
            "--sundwerk.mqtt.embedded.enabled=false");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
