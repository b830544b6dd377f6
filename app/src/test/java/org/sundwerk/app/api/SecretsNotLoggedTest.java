package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sundwerk.app.TestAdmin;
import org.sundwerk.app.TestKeys;

/**
 * Keys never reach the log: everything the server logs, at DEBUG for every logger, while a key is
 * created, used, used with a wrong secret, revoked and used again, and while the bootstrap key and
 * malformed keys are presented, contains none of the secrets.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedTest extends ApiTest {

  private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

  @BeforeEach
  void everythingAtDebug() {
    logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
  }

  @AfterEach
  void backToNormal() {
    logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
  }

  @Test
  void noKeyAppearsInTheLog(CapturedOutput output) {
    AdminCalls admin = new AdminCalls(http, tenant);
    String account = admin.account();
    admin.grantOperator(account, tenant);
    Http.Response created = admin.createKey(account, tenant, "read", "write");
    String key = created.json().path("key").asString();
    String secret = TestKeys.secretOf(key);
    String wrong = TestKeys.idPartOf(key) + "B".repeat(43);
    String sensor = "{\"id\": \"urn:ngsi-ld:Sensor:logged\", \"type\": \"Sensor\"}";

    assertThat(http.key(key).post(ENTITIES, sensor).status()).isEqualTo(201);
    assertThat(http.key(wrong).get(ENTITIES + "/urn:ngsi-ld:Sensor:logged").status())
        .isEqualTo(401);
    assertThat(
            http.anonymous()
                .with("Authorization", "Bearer " + wrong)
                .get(ENTITIES + "/urn:ngsi-ld:Sensor:logged")
                .status())
        .isEqualTo(401);
    assertThat(http.key("not-a-key-" + secret).get(ENTITIES).status()).isEqualTo(401);
    assertThat(
            http.delete(
                    AdminCalls.ACCOUNTS
                        + "/"
                        + account
                        + "/keys/"
                        + created.json().path("id").asString())
                .status())
        .isEqualTo(204);
    assertThat(http.key(key).get(ENTITIES + "/urn:ngsi-ld:Sensor:logged").status()).isEqualTo(401);

    String log = output.getAll();
    assertThat(log).as("DEBUG output was captured").contains("DEBUG");
    assertThat(linesContaining(log, secret)).isEmpty();
    assertThat(linesContaining(log, TestKeys.secretOf(wrong))).isEmpty();
    assertThat(linesContaining(log, TestAdmin.KEY)).isEmpty();
  }

  /**
   * The offending lines alone, so a failure names the logger that leaked instead of the whole log.
   */
  private static java.util.List<String> linesContaining(String log, String secret) {
    return log.lines().filter(line -> line.contains(secret)).toList();
  }
}
