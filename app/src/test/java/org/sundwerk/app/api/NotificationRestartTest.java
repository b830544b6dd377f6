package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.sundwerk.app.SundwerkApplication;

/**
 * At-least-once across a restart: a change committed while the endpoint is down is notified by the
 * next process on the same data directory.
 */
@ExtendWith(TestBackend.class)
class NotificationRestartTest {

  @TempDir Path data;

  @Test
  void notifiesAfterARestartWhatCouldNotBeDeliveredBefore() throws Exception {
    try (Receiver receiver = new Receiver()) {
      receiver.failWith(500);
      try (ConfigurableApplicationContext first = start()) {
        Http http = client(first);
        Http.Response created =
            http.post(
                "/ngsi-ld/v1/subscriptions",
                """
                {"type": "Subscription", "entities": [{"type": "Sensor"}],
                 "notification": {"endpoint": {"uri": "%s"}}}
                """
                    .formatted(receiver.url("/restart")));
        assertThat(created.status()).isEqualTo(201);
        http.post(
            "/ngsi-ld/v1/entities",
            "{\"id\": \"urn:ngsi-ld:Sensor:r\", \"type\": \"Sensor\", \"temperature\": 7}");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (receiver.refused() == 0 && System.nanoTime() < deadline) {
          Receiver.sleep(20);
        }
        assertThat(receiver.refused()).as("the endpoint was tried while down").isPositive();
      }
      assertThat(receiver.received()).isEmpty();

      receiver.succeed();
      try (ConfigurableApplicationContext second = start()) {
        var data =
            receiver.awaitData(
                d -> d.path("id").asString().equals("urn:ngsi-ld:Sensor:r"),
                Duration.ofSeconds(20));
        assertThat(data.at("/temperature/value").asInt()).isEqualTo(7);
      }
    }
  }

  private ConfigurableApplicationContext start() throws Exception {
    Files.createDirectories(data);
    // Command-line arguments, because they win over application.yml (default properties do not).
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--sundwerk.data-dir=" + data,
                "--sundwerk.notifications.allowed-hosts=127.0.0.1",
                "--sundwerk.notifications.retry-initial=100ms"));
    TestBackend.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
    return new SpringApplicationBuilder(SundwerkApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  private static Http client(ConfigurableApplicationContext context) {
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    return new Http(port).tenant("restart");
  }
}
