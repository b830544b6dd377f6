package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.sundwerk.app.SundwerkApplication;

/**
 * The app selected onto PostgreSQL by {@code sundwerk.db-url} alone: entities, queries, temporal
 * history and subscriptions over HTTP. Starts its own server on a fresh database of the PostgreSQL
 * CI starts (fails, never skips, without it) and drops the database after the server stopped.
 */
class PostgresApiTest {

  private static final String SERVER =
      System.getenv().getOrDefault("SUNDWERK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER =
      System.getenv().getOrDefault("SUNDWERK_TEST_PG_USER", "postgres");
  private static final String NAME =
      "sundwerk_test_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private static ConfigurableApplicationContext app;
  private static Http http;

  @BeforeAll
  static void start() throws SQLException {
    execute("CREATE DATABASE " + NAME);
    app =
        new SpringApplicationBuilder(SundwerkApplication.class)
            .properties(
                "server.port=0",
                "sundwerk.db-url=" + SERVER + NAME + "?user=" + USER,
                "sundwerk.contexts.preloaded-dir=" + ApiTest.CONTEXTS,
                "sundwerk.demo.enabled=false",
                "sundwerk.mqtt.embedded.enabled=false",
                "sundwerk.notifications.allowed-hosts=127.0.0.1")
            .run();
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    http = new Http(port).tenant("pg");
  }

  @AfterAll
  static void stop() throws SQLException {
    if (app != null) {
      app.close();
    }
    execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
  }

  @Test
  void storesQueriesAndKeepsHistoryOnPostgres() throws SQLException {
    assertThat(http.post(ApiTest.ENTITIES, EntityCrudTest.GARAGE).status()).isEqualTo(201);
    assertThat(entityRows()).as("the entity is stored in PostgreSQL").isEqualTo(1);

    Http.Response got = http.get(EntityCrudTest.GARAGE_URL);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json().at("/availableSpotNumber/value").asInt()).isEqualTo(121);

    assertThat(ids("type=OffStreetParking&q=" + encode("availableSpotNumber>100")))
        .containsExactly("urn:ngsi-ld:OffStreetParking:ozeaneum");
    assertThat(ids("type=OffStreetParking&q=" + encode("availableSpotNumber<100"))).isEmpty();
    assertThat(
            ids(
                "type=OffStreetParking&georel="
                    + encode("near;maxDistance==400")
                    + "&geometry=Point&coordinates="
                    + encode("[13.0969,54.3152]")))
        .containsExactly("urn:ngsi-ld:OffStreetParking:ozeaneum");

    Http.Response history =
        http.get("/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:OffStreetParking:ozeaneum");
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.json().path("availableSpotNumber").isMissingNode()).isFalse();
  }

  @Test
  void createsAndListsSubscriptionsOnPostgres() {
    String subscription =
        """
        {"id": "urn:ngsi-ld:Subscription:pg", "type": "Subscription",
         "entities": [{"type": "OffStreetParking"}],
         "notification": {"endpoint": {"uri": "http://127.0.0.1:9/notify"}}}
        """;
    assertThat(http.post("/ngsi-ld/v1/subscriptions", subscription).status()).isEqualTo(201);

    Http.Response list = http.get("/ngsi-ld/v1/subscriptions");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path(0).path("id").asString()).isEqualTo("urn:ngsi-ld:Subscription:pg");
  }

  private static List<String> ids(String query) {
    Http.Response response = http.get(ApiTest.ENTITIES + "?" + query);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    response.json().forEach(entity -> ids.add(entity.path("id").asString()));
    return ids;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static long entityRows() throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER + NAME, USER, "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM entity")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
