package org.sundwerk.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.broker.Broker;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.store.JdbcEntityStore;
import tools.jackson.databind.node.JsonNodeFactory;

/** The ingestion against the real embedded store: one merge per accepted uplink, counted. */
class IngestionTest {

  private static final String TENANT = "stralsund";
  private static final String BIN = "urn:ngsi-ld:WasteContainer:stralsund:alter-markt";
  private static final String FILL = "https://example.org/fillingLevel";
  private static final Instant NOW = Instant.parse("2026-07-18T12:00:00Z");

  @TempDir Path data;
  private JdbcEntityStore store;
  private Broker broker;
  private Ingestion ingestion;

  @BeforeEach
  void start() {
    store = new JdbcEntityStore(data);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    broker = Broker.create(store, clock, 100);
    createBin();
    Device bin =
        new Device(
            "70b3d57ed0000301",
            TENANT,
            BIN,
            Optional.of(PayloadDecoder.BIN_FILL_LEVEL),
            Map.of("fillingLevel", new Device.AttributeMapping(FILL, Optional.empty())));
    ingestion =
        new Ingestion(broker, DeviceRegistry.of(List.of(bin)), TermDictionary.IDENTITY, clock);
  }

  private void createBin() {
    broker
        .entities()
        .create()
        .handle(
            TENANT,
            new Entity(
                BIN,
                List.of("https://example.org/WasteContainer"),
                List.of(),
                Map.of(
                    FILL,
                    List.of(
                        Attribute.of(
                            AttributeKind.PROPERTY, JsonNodeFactory.instance.numberNode(0.1)))),
                null,
                null));
  }

  @AfterEach
  void stop() {
    store.close();
  }

  @Test
  void mergesADecodedUplinkWithTheDeviceTimeAsObservedAt() {
    IngestResult result = ingestion.chirpStack(uplink("d-1", 1, "Vw==", "2026-07-18T11:59:58Z"));

    assertThat(result).isEqualTo(new IngestResult.Accepted(TENANT, BIN));
    Attribute fill = fill();
    assertThat(fill.value().asDouble()).isEqualTo(0.87);
    assertThat(fill.observedAt()).isEqualTo(Instant.parse("2026-07-18T11:59:58Z"));
    assertThat(ingestion.metrics().accepted()).isEqualTo(1);
  }

  @Test
  void takesTheClockWhenTheUplinkHasNoTime() {
    ingestion.chirpStack(uplink("d-1", 1, "Vw==", null));

    assertThat(fill().observedAt()).isEqualTo(NOW);
  }

  @Test
  void aCopyOfAnUplinkChangesNothing() {
    ingestion.chirpStack(uplink("d-1", 1, "Vw==", "2026-07-18T11:59:58Z"));
    Entity before = broker.entities().retrieve().handle(TENANT, BIN);

    IngestResult again = ingestion.chirpStack(uplink("d-1", 1, "Vw==", "2026-07-18T11:59:58Z"));

    assertThat(again).isInstanceOf(IngestResult.Duplicate.class);
    assertThat(broker.entities().retrieve().handle(TENANT, BIN)).isEqualTo(before);
    assertThat(ingestion.metrics().duplicates()).isEqualTo(1);
  }

  @Test
  void countsEveryRejectionByItsReasonAndNeverThrows() {
    ingestion.chirpStack("{".getBytes(StandardCharsets.UTF_8));
    ingestion.chirpStack(uplink("d-2", 2, "AQID", null));
    ingestion.thingsStack(
        "{\"end_device_ids\":{\"dev_eui\":\"0000000000000001\"},\"correlation_ids\":[\"x\"],\"uplink_message\":{}}"
            .getBytes(StandardCharsets.UTF_8));
    ingestion.attributes(
        TENANT, "urn:ngsi-ld:Thing:missing", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    assertThat(ingestion.metrics().rejected(Rejection.MALFORMED)).isEqualTo(1);
    assertThat(ingestion.metrics().rejected(Rejection.UNDECODABLE)).isEqualTo(1);
    assertThat(ingestion.metrics().rejected(Rejection.UNKNOWN_DEVICE)).isEqualTo(1);
    assertThat(ingestion.metrics().rejected(Rejection.REFUSED)).isEqualTo(1);
    assertThat(fill().value().asDouble()).isEqualTo(0.1);
  }

  @Test
  void anUplinkRefusedByTheBrokerIsNotTakenForADuplicateWhenRetried() {
    broker.entities().delete().handle(TENANT, BIN);
    assertThat(ingestion.chirpStack(uplink("d-3", 3, "Vw==", null)))
        .isInstanceOf(IngestResult.Rejected.class);
    createBin();

    assertThat(ingestion.chirpStack(uplink("d-3", 3, "Vw==", null)))
        .isEqualTo(new IngestResult.Accepted(TENANT, BIN));
  }

  private Attribute fill() {
    return broker.entities().retrieve().handle(TENANT, BIN).defaultInstance(FILL).orElseThrow();
  }

  private static byte[] uplink(String deduplicationId, int fCnt, String data, String time) {
    String json =
        "{\"deduplicationId\":\""
            + deduplicationId
            + "\","
            + (time == null ? "" : "\"time\":\"" + time + "\",")
            + "\"deviceInfo\":{\"devEui\":\"70b3d57ed0000301\"},\"fCnt\":"
            + fCnt
            + ",\"data\":\""
            + data
            + "\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
