import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notification endpoint of the bench's latency scenario. Run with the JDK's source launcher:
 * {@code java bench/NotificationReceiver.java PORT}.
 *
 * <p>The scenario PATCHes attribute {@code a} with the send time in epoch microseconds; each
 * subscription notifies here ({@code POST /notify}, keyValues or normalized), and every entity in
 * a notification's {@code data} is one received change whose latency is receive time minus the
 * value of {@code a}. Sender and receiver share this machine's clock.
 *
 * <ul>
 *   <li>{@code GET /reset} forgets everything and ignores changes sent before this moment (late
 *       notifications of a warm-up run).
 *   <li>{@code GET /result?updates=N&sent=M&subscriptions=S&rps=R&wait=W} waits up to W seconds
 *       until N×S changes have arrived (N acknowledged updates, S subscriptions), then answers one
 *       line in the format of bench/wrk/report.lua: {@code RESULT requests=<received> rps=R
 *       p50_ms=.. p95_ms=.. p99_ms=.. errors=0 lost=<max(0, N×S - received)>
 *       extra=<max(0, received - M×S)>}. Updates sent but not acknowledged (in flight when wrk
 *       stopped) may or may not notify, so only received changes beyond M×S count as extra.
 * </ul>
 */
public class NotificationReceiver {

  /** The value of {@code a} in keyValues ({@code "a": 1}) or normalized ({@code "a": {...}}) form. */
  private static final Pattern SENT =
      Pattern.compile("\"a\"\\s*:\\s*(?:\\{[^{}]*?\"value\"\\s*:\\s*)?(-?[0-9][0-9.eE+]*)");

  /** Guarded by the receiver's monitor: latencies in microseconds of changes since the reset. */
  private long[] latencies = new long[1 << 16];

  private int received;
  private long since = nowMicros();

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args.length > 0 ? args[0] : "18090");
    NotificationReceiver receiver = new NotificationReceiver();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/notify", receiver::notify);
    server.createContext("/reset", receiver::reset);
    server.createContext("/result", receiver::result);
    server.start();
    System.out.println("receiver listening on 127.0.0.1:" + port);
  }

  private static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  private void notify(HttpExchange exchange) throws IOException {
    long receivedAt = nowMicros();
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher matcher = SENT.matcher(body);
    synchronized (this) {
      while (matcher.find()) {
        long sent = (long) Double.parseDouble(matcher.group(1));
        if (sent < since) {
          continue;
        }
        if (received == latencies.length) {
          latencies = Arrays.copyOf(latencies, received * 2);
        }
        latencies[received++] = receivedAt - sent;
      }
    }
    answer(exchange, 204, "");
  }

  private void reset(HttpExchange exchange) throws IOException {
    synchronized (this) {
      received = 0;
      since = nowMicros();
    }
    answer(exchange, 200, "reset\n");
  }

  private void result(HttpExchange exchange) throws IOException {
    Map<String, String> params = query(exchange);
    long subscriptions = Long.parseLong(params.getOrDefault("subscriptions", "1"));
    long expected = Long.parseLong(params.getOrDefault("updates", "0")) * subscriptions;
    long possible =
        Long.parseLong(params.getOrDefault("sent", params.getOrDefault("updates", "0")))
            * subscriptions;
    long deadline = System.nanoTime() + (long) (Double.parseDouble(params.getOrDefault("wait", "10")) * 1e9);
    while (count() < expected && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    long[] sorted;
    synchronized (this) {
      sorted = Arrays.copyOf(latencies, received);
    }
    Arrays.sort(sorted);
    String line =
        String.format(
            "RESULT requests=%d rps=%s p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=0 lost=%d"
                + " extra=%d%n",
            sorted.length,
            params.getOrDefault("rps", "0.0"),
            percentile(sorted, 50),
            percentile(sorted, 95),
            percentile(sorted, 99),
            Math.max(0, expected - sorted.length),
            Math.max(0, sorted.length - possible));
    answer(exchange, 200, line);
  }

  private synchronized int count() {
    return received;
  }

  /** Nearest-rank percentile in milliseconds; 0 for no samples. */
  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1000.0;
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> params = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return params;
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
