package org.sundwerk.app.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sundwerk.app.TestAdmin;

/**
 * The packaged platform ({@code sundwerk.jar}, set by failsafe) as a child process on loopback, for
 * tests that kill it or run several nodes. Demo, simulator and the embedded MQTT broker are off,
 * and notifications to 127.0.0.1 are allowed.
 */
public final class PlatformProcess {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PlatformProcess() {}

  /** Starts a node on {@code port} with data in {@code data}, output to {@code log}. */
  public static Process start(Path data, int port, Path log, String... options) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("sundwerk.jar"),
            "--server.port=" + port,
            "--sundwerk.data-dir=" + data,
            "--sundwerk.demo.enabled=false",
            "--sundwerk.simulator.enabled=false",
            "--sundwerk.mqtt.embedded.enabled=false",
            "--sundwerk.notifications.allowed-hosts=127.0.0.1",
            "--sundwerk.admin-api-key=" + TestAdmin.KEY));
    command.addAll(List.of(options));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Waits until the node on {@code port} reports healthy; fails after {@code timeout}. */
  public static void awaitUp(int port, Duration timeout, Path log) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (isUp(port)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the node on port " + port + " did not start within " + timeout + "; log: " + log);
  }

  private static boolean isUp(int port) throws InterruptedException {
    try {
      return CLIENT
              .send(
                  HttpRequest.newBuilder(URI.create(base(port) + "/actuator/health")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  public static String base(int port) {
    return "http://127.0.0.1:" + port;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
