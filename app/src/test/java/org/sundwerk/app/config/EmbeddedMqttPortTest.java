package org.sundwerk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sundwerk.app.SundwerkApplication;

/**
 * The embedded MQTT broker's port held by another program: the platform starts and answers, and the
 * log says in one line what is in use and which setting moves it, with no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    classes = SundwerkApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedMqttPortTest {

  private static final ServerSocket HELD = hold();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    registry.add(
        "sundwerk.data-dir", Files.createTempDirectory("sundwerk-mqtt-port").toString()::toString);
    registry.add("sundwerk.demo.enabled", () -> "false");
    registry.add("sundwerk.mqtt.embedded.enabled", () -> "true");
    registry.add("sundwerk.mqtt.embedded.host", () -> "127.0.0.1");
    registry.add("sundwerk.mqtt.embedded.port", () -> String.valueOf(HELD.getLocalPort()));
  }

  @AfterAll
  static void release() throws IOException {
    HELD.close();
  }

  @Test
  void startsWithoutTheBrokerAndSaysWhichSettingMovesIt(CapturedOutput output) throws Exception {
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    String address = "127.0.0.1:" + HELD.getLocalPort();
    assertThat(output.getAll().lines().filter(line -> line.contains(address)))
        .singleElement()
        .asString()
        .contains("already in use", "sundwerk.mqtt.embedded.port");
    assertThat(output.getAll()).doesNotContain("Cannot bind", "\tat ");
  }

  private static ServerSocket hold() {
    try {
      ServerSocket socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
