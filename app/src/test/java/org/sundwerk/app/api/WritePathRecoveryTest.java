package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.sundwerk.store.PostgresTestDatabase;
import org.sundwerk.store.postgres.PostgresDialect;

/**
 * The write path after the database connection is lost (as in a PostgreSQL restart): writes answer
 * a retryable 503 ProblemDetails at once, never a hang and never a 500; readiness and health report
 * DOWN while writes cannot commit; both recover by themselves within seconds of the database taking
 * connections again, and nothing acknowledged before is lost. The writer's backend is terminated
 * (by its application name) and new connections to the test database are refused meanwhile, so that
 * the other databases on the shared server are not disturbed. PostgreSQL only: SQLite has no
 * connection to lose (its full disk is tested at the store's edge, {@code
 * SqliteWritePathRecoveryTest}).
 */
class WritePathRecoveryTest extends ApiTest {

  private static final String SENSOR = "urn:ngsi-ld:Sensor:recovery";
  private static final Duration RECOVERY = Duration.ofSeconds(10);

  @Value("${sundwerk.db-url:}")
  String dbUrl;

  @Test
  void writesAnswer503WhileTheDatabaseIsLostAndRecoverWithoutARestart() throws Exception {
    assumeTrue(TestBackend.POSTGRES, "only PostgreSQL has a connection to lose");
    assertThat(http.post(ENTITIES, sensor(1)).status()).isEqualTo(201);
    assertThat(readiness().status()).isEqualTo(200);

    try {
      allowConnections(false);
      assertThat(terminateWriter()).as("terminated writer backends").isEqualTo(1);

      assertThat(eventually(() -> readiness().status() == 503)).as("readiness DOWN").isTrue();
      assertThat(http.get("/actuator/health").status()).isEqualTo(503);
      assertThat(readiness().json().at("/status").asString()).isEqualTo("DOWN");
      long start = System.nanoTime();
      Http.Response refused = patch(2);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
      assertThat(refused.header("Retry-After")).isPresent();
      assertThat(refused.errorType()).isEqualTo("InternalError");
      assertThat(refused.json().path("status").asInt()).isEqualTo(503);
      assertThat(refused.json().path("detail").asString()).contains("cannot take writes");
    } finally {
      allowConnections(true);
    }

    assertThat(eventually(() -> patch(3).status() == 204)).as("writes recover").isTrue();
    assertThat(eventually(() -> readiness().status() == 200)).as("readiness UP").isTrue();
    assertThat(http.get(ENTITIES + "/" + SENSOR).json().at("/count/value").asInt()).isEqualTo(3);
  }

  private Http.Response patch(int count) {
    return http.patch(
        ENTITIES + "/" + SENSOR + "/attrs",
        "{\"count\":{\"type\":\"Property\",\"value\":" + count + "}}");
  }

  private Http.Response readiness() {
    return http.get("/actuator/health/readiness");
  }

  private static String sensor(int count) {
    return "{\"id\":\""
        + SENSOR
        + "\",\"type\":\"Sensor\",\"count\":{\"type\":\"Property\",\"value\":"
        + count
        + "}}";
  }

  private static boolean eventually(Supplier<Boolean> condition) throws InterruptedException {
    long end = System.nanoTime() + RECOVERY.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() - end > 0) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  private String database() {
    String path = dbUrl.substring(0, dbUrl.indexOf('?'));
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** A connection to the server's maintenance database, which stays open to us meanwhile. */
  private Connection admin() throws SQLException {
    String server = dbUrl.substring(0, dbUrl.indexOf('?'));
    server = server.substring(0, server.lastIndexOf('/') + 1);
    return DriverManager.getConnection(
        server + "postgres", PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
  }

  private void allowConnections(boolean allow) throws SQLException {
    try (Connection admin = admin();
        Statement statement = admin.createStatement()) {
      statement.execute("ALTER DATABASE " + database() + " ALLOW_CONNECTIONS " + allow);
    }
  }

  private int terminateWriter() throws SQLException {
    try (Connection admin = admin();
        PreparedStatement terminate =
            admin.prepareStatement(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = ? AND application_name = ?")) {
      terminate.setString(1, database());
      terminate.setString(2, PostgresDialect.WRITER);
      try (ResultSet row = terminate.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }
}
