package org.sundwerk.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sundwerk.app.SundwerkApplication;
import org.sundwerk.app.TestAdmin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the demo city tests: one real server on a random port with the demo city loaded, the
 * simulator off (tests drive it themselves) and the MQTT ingestion subscribed to the machine's
 * Mosquitto on 127.0.0.1:1883; when that broker is down the context, and so every test, fails.
 */
@SpringBootTest(
    classes = SundwerkApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CityTest {

  static final String STRALSUND = "stralsund";
  static final String ENTITIES = "/ngsi-ld/v1/entities/";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Unique per JVM so that parallel builds on the same Mosquitto do not see each other. */
  static final String MQTT_PREFIX = "sundwerk-test-" + ProcessHandle.current().pid();

  private static final Path DATA = tempDir();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("sundwerk.data-dir", DATA::toString);
    registry.add("sundwerk.demo.enabled", () -> "true");
    registry.add("sundwerk.admin-api-key", () -> TestAdmin.KEY);
    registry.add("sundwerk.simulator.enabled", () -> "false");
    // A tile server that does not exist: nothing may ask it before the visitor consents, and
    // after consent the browser's requests fail at once (no internet needed).
    registry.add("sundwerk.portal.tile-url", () -> "https://tiles.invalid/{z}/{x}/{y}.png");
    // Live map changes pushed every second rather than every 15 s, so the tests need not wait.
    registry.add("sundwerk.portal.live-push", () -> "1s");
    registry.add("sundwerk.mqtt.embedded.enabled", () -> "false");
    registry.add("sundwerk.mqtt.enabled", () -> "true");
    registry.add("sundwerk.mqtt.host", () -> "127.0.0.1");
    registry.add("sundwerk.mqtt.port", () -> "1883");
    registry.add("sundwerk.mqtt.client-id", () -> MQTT_PREFIX);
    registry.add("sundwerk.mqtt.prefix", () -> MQTT_PREFIX);
    registry.add(
        "sundwerk.mqtt.chirpstack-topic", () -> MQTT_PREFIX + "/application/+/device/+/event/up");
    registry.add("sundwerk.mqtt.ttn-topic", () -> MQTT_PREFIX + "/v3/+/devices/+/up");
  }

  record Response(int status, JsonNode json) {}

  Response post(String path, byte[] body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /**
   * The entity in normalized form, names compacted with the official Smart Data Models context of
   * its type's domain (the type is the third part of the demo's ids).
   */
  JsonNode entity(String tenant, String id) {
    Response response =
        send(
            HttpRequest.newBuilder(uri(ENTITIES + URLEncoder.encode(id, StandardCharsets.UTF_8)))
                .header("NGSILD-Tenant", tenant)
                .header("Accept", "application/json")
                .header("Link", link(contextOf(id.split(":")[2])))
                .GET()
                .build());
    if (response.status() != 200) {
      throw new AssertionError("GET " + id + " answered " + response);
    }
    return response.json();
  }

  /** The URL of the Smart Data Models context of the demo's entity type. */
  static String contextOf(String type) {
    String domain =
        switch (type) {
          case "OffStreetParking" -> "Parking";
          case "WaterQualityObserved" -> "WaterQuality";
          case "AirQualityObserved" -> "Environment";
          case "WeatherObserved" -> "Weather";
          case "WasteContainer" -> "WasteManagement";
          case "EVChargingStation", "BikeHireDockingStation" -> "Transportation";
          case "Event" -> "TourismDestinations";
          default -> "PointOfInterest";
        };
    return "https://raw.githubusercontent.com/smart-data-models/dataModel."
        + domain
        + "/master/context.jsonld";
  }

  static String link(String context) {
    return "<"
        + context
        + ">; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"";
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  /** A GET with request headers given as name, value, name, value... */
  Response get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).headers(headers).GET().build());
  }

  /** A POST of a JSON body with request headers given as name, value, name, value... */
  Response post(String path, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .headers(headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** A page of the portal: its status and its text (HTML or JSON). */
  HttpResponse<String> page(String path) {
    try {
      return CLIENT.send(
          HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code request} as the test platform operator (webhooks and writes need a key). */
  Response send(HttpRequest request) {
    HttpRequest withKey =
        HttpRequest.newBuilder(request, (name, value) -> true)
            .header(TestAdmin.HEADER, TestAdmin.KEY)
            .build();
    try {
      HttpResponse<byte[]> response = CLIENT.send(withKey, HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = response.body();
      return new Response(
          response.statusCode(), body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static byte[] fixture(String name) {
    try (InputStream in = CityTest.class.getResourceAsStream("/uplinks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("sundwerk-city-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
