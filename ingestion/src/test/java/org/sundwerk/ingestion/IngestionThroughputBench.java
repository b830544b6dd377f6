package org.sundwerk.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.broker.Broker;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.store.JdbcEntityStore;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How many uplinks per second the ingestion sustains into the broker on the embedded SQLite store
 * (durable writes, group commit): ChirpStack uplinks called directly from 1, 16 and 64 threads, and
 * published over MQTT to the embedded broker. Not part of the build (the name matches no surefire
 * pattern); run it with {@code ./mvnw -q -pl ingestion -am test -Dtest=IngestionThroughputBench
 * -Dsurefire.failIfNoSpecifiedTests=false} and read the lines starting with {@code BENCH}.
 */
class IngestionThroughputBench {

  private static final int DEVICES = 200;

  @TempDir Path data;

  @Test
  void uplinksPerSecond() throws Exception {
    try (JdbcEntityStore store = new JdbcEntityStore(data)) {
      Broker broker = Broker.create(store, Clock.systemUTC(), 100);
      List<Device> devices = new ArrayList<>();
      for (int i = 0; i < DEVICES; i++) {
        String id = "urn:ngsi-ld:WasteContainer:bench-" + i;
        broker
            .entities()
            .create()
            .handle(
                "bench",
                new Entity(
                    id,
                    List.of("https://example.org/WasteContainer"),
                    List.of(),
                    Map.of(
                        "https://example.org/fillingLevel",
                        List.of(
                            Attribute.of(
                                AttributeKind.PROPERTY, JsonNodeFactory.instance.numberNode(0)))),
                    null,
                    null));
        devices.add(
            new Device(
                eui(i),
                "bench",
                id,
                Optional.of(PayloadDecoder.BIN_FILL_LEVEL),
                Map.of(
                    "fillingLevel",
                    new Device.AttributeMapping(
                        "https://example.org/fillingLevel", Optional.empty()))));
      }
      Ingestion ingestion =
          new Ingestion(
              broker, DeviceRegistry.of(devices), TermDictionary.IDENTITY, Clock.systemUTC());
      AtomicLong sequence = new AtomicLong();
      for (int threads : new int[] {1, 16, 64}) {
        int total = threads == 1 ? 2_000 : 20_000;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          futures.add(
              pool.submit(
                  () -> {
                    for (int k = 0; k < total / threads; k++) {
                      long n = sequence.incrementAndGet();
                      assertThat(ingestion.chirpStack(uplink(n)))
                          .isInstanceOf(IngestResult.Accepted.class);
                    }
                    return null;
                  }));
        }
        for (Future<?> future : futures) {
          future.get();
        }
        pool.shutdown();
        report("direct, " + threads + " threads", total / threads * threads, start);
      }

      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      try (EmbeddedMqttBroker mqtt =
          EmbeddedMqttBroker.start(
              "127.0.0.1",
              port,
              MqttSettings.local("127.0.0.1", port, "bench"),
              ingestion,
              TrustingMqttAccess.INSTANCE)) {
        int total = 10_000;
        int publishers = 8;
        long before = ingestion.metrics().accepted();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        List<Future<?>> futures = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
          int publisher = p;
          futures.add(
              pool.submit(
                  () -> {
                    Mqtt3BlockingClient client =
                        MqttClient.builder()
                            .useMqttVersion3()
                            .identifier("bench-" + publisher)
                            .serverHost("127.0.0.1")
                            .serverPort(port)
                            .buildBlocking();
                    client.connect();
                    for (int k = publisher; k < total; k += publishers) {
                      long n = sequence.incrementAndGet();
                      client
                          .publishWith()
                          .topic("application/bench/device/" + eui(n % DEVICES) + "/event/up")
                          .qos(MqttQos.AT_MOST_ONCE)
                          .payload(uplink(n))
                          .send();
                    }
                    client.disconnect();
                    return null;
                  }));
        }
        for (Future<?> future : futures) {
          future.get();
        }
        pool.shutdown();
        while (ingestion.metrics().accepted() - before < total
            && System.nanoTime() - start < 120_000_000_000L) {
          Thread.sleep(10);
        }
        report(
            "MQTT embedded broker, 8 publishers", ingestion.metrics().accepted() - before, start);
      }
    }
  }

  private static void report(String scenario, long uplinks, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf(
        "BENCH %s: %d uplinks in %.2f s = %.0f uplinks/s%n",
        scenario, uplinks, seconds, uplinks / seconds);
  }

  private static String eui(long n) {
    return String.format("%016x", n);
  }

  private static byte[] uplink(long n) {
    return ("{\"deduplicationId\":\"bench-"
            + n
            + "\",\"time\":\"2026-07-18T10:00:00Z\","
            + "\"deviceInfo\":{\"devEui\":\""
            + eui(n % DEVICES)
            + "\"},\"fCnt\":"
            + n
            + ",\"data\":\"Vw==\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
