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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Registration;
import org.sundwerk.app.SundwerkApplication;
import org.sundwerk.app.TestAdmin;
import org.sundwerk.store.PostgresTestDatabase;

/**
 * Portal sessions live in the database (Spring Session JDBC, table {@code access_session}): two app
 * nodes on one fresh PostgreSQL database share a login, it outlives the node that made it and a
 * restart, and signing out on one node ends it on all.
 */
class SessionsAcrossNodesTest {

  @RegisterExtension static final PostgresTestDatabase database = new PostgresTestDatabase();

  private static final String PASSWORD = PortalTest.PASSWORD;

  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void aLoginOnOneNodeHoldsOnTheOtherAndAfterARestart() throws SQLException {
    ConfigurableApplicationContext a = start();
    ConfigurableApplicationContext b = start();
    Accounts accounts = a.getBean(Accounts.class);
    String address = PortalTest.newAddress("nodes");
    Registration.Created created =
        (Registration.Created) accounts.register(address, "Two Nodes", PASSWORD);
    assertThat(accounts.verifyEmail(created.verificationToken())).isPresent();

    Visitor onA = new Visitor(base(a));
    assertThat(onA.submit("/login", "email", address, "password", PASSWORD).status())
        .isEqualTo(302);
    Visitor onB = onA.on(base(b));

    assertThat(onB.get("/account").body()).contains("Two Nodes");
    assertThat(sessionRows()).isPositive();

    a.close();
    ConfigurableApplicationContext restarted = start();
    Visitor onRestarted = onA.on(base(restarted));
    assertThat(onRestarted.get("/account").body()).contains("Two Nodes");

    assertThat(onB.submitOn("/account", "/logout").status()).isEqualTo(302);
    assertThat(onRestarted.get("/account").status()).isEqualTo(302);
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
                "--sundwerk.admin-api-key=" + TestAdmin.KEY);
    nodes.add(node);
    return node;
  }

  private static String base(ConfigurableApplicationContext node) {
    return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
  }

  private static int sessionRows() throws SQLException {
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
