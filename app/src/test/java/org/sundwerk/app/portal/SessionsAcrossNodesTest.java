package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.sundwerk.app.SundwerkApplication;
import org.sundwerk.app.TestAdmin;
import org.sundwerk.store.PostgresTestDatabase;

/**
 * Portal sessions live in the database (Spring Session JDBC, table {@code access_session}): two app
 * nodes on one fresh PostgreSQL database share a login, it outlives the node that made it and a
 * restart, and signing out on one node ends it on all. The nodes have no mail server, so the
 * verification link is read from the log, as a local user would; the platform operator signs in
 * with the one-time password the first start logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionsAcrossNodesTest {

  /** A fresh database per test: the platform operator is created on the first start only. */
  private final PostgresTestDatabase database = new PostgresTestDatabase();

  private static final String PASSWORD = PortalTest.PASSWORD;
  private static final Pattern ONE_TIME_PASSWORD =
      Pattern.compile("admin@localhost with the one-time password (\\S+)");

  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @BeforeEach
  void createDatabase() throws SQLException {
    database.create();
  }

  @AfterEach
  void stopNodes() throws SQLException {
    nodes.forEach(ConfigurableApplicationContext::close);
    database.drop();
  }

  @Test
  void aLoginOnOneNodeHoldsOnTheOtherAndAfterARestart(CapturedOutput log) throws SQLException {
    ConfigurableApplicationContext a = start();
    ConfigurableApplicationContext b = start();
    String address = PortalTest.newAddress("nodes");
    Visitor onA = new Visitor(base(a));
    Visitor onB = onA.on(base(b));

    Visitor.Page registered =
        onA.submit("/register", "email", address, "displayName", "Two Nodes", "password", PASSWORD);
    assertThat(registered.body()).as(registered.body()).contains("id=\"notice\"");
    String link = loggedLink(log, address);
    onB.submitOn(link, "/verify", "token", link.substring(link.indexOf('=') + 1));
    assertThat(onA.submit("/login", "email", address, "password", PASSWORD).status())
        .isEqualTo(302);

    assertThat(onB.get("/account").body()).contains("Two Nodes");
    assertThat(sessionRows()).isPositive();

    a.close();
    ConfigurableApplicationContext restarted = start();
    Visitor onRestarted = onA.on(base(restarted));
    assertThat(onRestarted.get("/account").body()).contains("Two Nodes");

    assertThat(onB.submitOn("/account", "/logout").status()).isEqualTo(302);
    assertThat(onRestarted.get("/account").status()).isEqualTo(302);
  }

  @Test
  void theOperatorSignsInWithTheOneTimePasswordFromTheLogAndChangesIt(CapturedOutput log) {
    ConfigurableApplicationContext node = start();
    Matcher logged = ONE_TIME_PASSWORD.matcher(log.getAll());
    assertThat(logged.find()).as("the one-time password in the log").isTrue();
    Visitor operator = new Visitor(base(node));

    assertThat(
            operator
                .submit("/login", "email", "admin@localhost", "password", logged.group(1))
                .status())
        .isEqualTo(302);
    Visitor.Page changed =
        operator.submitOn(
            "/account",
            "/account/password",
            "currentPassword",
            logged.group(1),
            "newPassword",
            "Harbour lights over the Sund at night");

    assertThat(changed.body())
        .contains("id=\"password-changed\"", "Betrieb der gesamten Plattform");
    Visitor later = new Visitor(base(node));
    assertThat(
            later.submit("/login", "email", "admin@localhost", "password", logged.group(1)).body())
        .contains("stimmen nicht");
    assertThat(
            later
                .submit(
                    "/login",
                    "email",
                    "admin@localhost",
                    "password",
                    "Harbour lights over the Sund at night")
                .status())
        .isEqualTo(302);
  }

  /** Without a mail server the verification link goes to the log (path and query only). */
  private static String loggedLink(CapturedOutput log, String address) {
    Matcher link =
        Pattern.compile(
                "the mail to "
                    + Pattern.quote(address)
                    + " would say:[\\s\\S]*?https?://[^/\\s]+(/verify\\?token=\\S+)")
            .matcher(log.getAll());
    assertThat(link.find()).as("the verification link in the log").isTrue();
    return link.group(1);
  }

  private ConfigurableApplicationContext start() {
    ConfigurableApplicationContext node =
        new SpringApplicationBuilder(SundwerkApplication.class)
            .run(
                "--server.port=0",
                "--sundwerk.data-dir=" + tempDir(),
                "--sundwerk.db-url=" + database.url(),
                "--sundwerk.db-user=" + PostgresTestDatabase.USER,
                "--sundwerk.db-password=" + PostgresTestDatabase.PASSWORD,
                "--sundwerk.demo.enabled=false",
                "--sundwerk.mqtt.embedded.enabled=false",
                "--sundwerk.admin-api-key=" + TestAdmin.KEY,
                // The tests' logback configuration logs warnings only; the link is at INFO.
                "--logging.level.org.sundwerk.portal.account=info");
    nodes.add(node);
    return node;
  }

  private static String base(ConfigurableApplicationContext node) {
    return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
  }

  private int sessionRows() throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.url());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM access_session")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static String tempDir() {
    try {
      return Files.createTempDirectory("sundwerk-node").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
