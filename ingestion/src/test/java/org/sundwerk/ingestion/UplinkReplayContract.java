package org.sundwerk.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.broker.Broker;
import org.sundwerk.broker.temporal.AttributeInstance;
import org.sundwerk.broker.temporal.TemporalEntity;
import org.sundwerk.broker.temporal.TimeFilter;
import org.sundwerk.broker.temporal.TimeProperty;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.store.JdbcEntityStore;
import org.sundwerk.store.JdbcTemporalStore;
import org.sundwerk.store.StoreDatabase;
import org.sundwerk.store.TemporalRecorder;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Replayed and late uplinks against the real store with temporal history, per backend: a copy of an
 * uplink, also after a restart (a new ingestion on the same database, as a restarted or another
 * node has), adds no second temporal instance; an uplink observed before the current value lands in
 * the history only.
 */
abstract class UplinkReplayContract {

  private static final String BIN = "urn:ngsi-ld:WasteContainer:replay";
  private static final String FILL = "https://example.org/fillingLevel";
  private static final String DEV_EUI = "70b3d57ed0000301";
  private static final Instant NOW = Instant.parse("2026-07-18T12:00:00Z");
  private static final String T2 = "2026-07-18T11:30:00Z";
  private static final String T1 = "2026-07-18T11:00:00Z";
  private static final String T0 = "2026-07-18T10:00:00Z";

  /** A database that outlives {@link #restart()}: the same one is opened again. */
  abstract StoreDatabase openDatabase() throws Exception;

  private final String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
  private StoreDatabase database;
  private JdbcEntityStore store;
  private JdbcTemporalStore history;
  private Broker broker;
  private Ingestion ingestion;

  @BeforeEach
  void start() throws Exception {
    open();
    broker
        .entities()
        .create()
        .handle(
            tenant,
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

  private void open() throws Exception {
    Clock clock = new Ticking();
    database = openDatabase();
    store = new JdbcEntityStore(database, List.of(new TemporalRecorder(clock)));
    history = new JdbcTemporalStore(store, clock);
    broker = Broker.create(store, clock, 100);
    Device bin =
        new Device(
            DEV_EUI,
            tenant,
            BIN,
            Optional.of(PayloadDecoder.BIN_FILL_LEVEL),
            Map.of("fillingLevel", new Device.AttributeMapping(FILL, Optional.empty())));
    ingestion =
        new Ingestion(broker, DeviceRegistry.of(List.of(bin)), TermDictionary.IDENTITY, clock);
  }

  /** Closes the store and opens the same database again, with a new ingestion. */
  private void restart() throws Exception {
    close();
    open();
  }

  @AfterEach
  void close() {
    store.close();
    database.close();
  }

  @Test
  void aCopyOfAnUplinkAfterARestartAddsNoSecondInstance() throws Exception {
    byte[] uplink = uplink("d-1", 1, "Vw==", T1);
    assertThat(ingestion.chirpStack(uplink)).isInstanceOf(IngestResult.Accepted.class);
    ingestion.chirpStack(uplink("d-2", 2, "ZA==", T2)); // 0x64: 100 %

    restart();
    IngestResult replayed = ingestion.chirpStack(uplink);

    assertThat(replayed).isInstanceOf(IngestResult.Duplicate.class);
    assertThat(observedAt(Instant.parse(T1))).hasSize(1);
    assertThat(fill().value().asDouble()).isEqualTo(1.0);
    assertThat(ingestion.metrics().duplicates()).isEqualTo(1);
  }

  @Test
  void anUplinkObservedBeforeTheCurrentValueLandsInTheHistoryOnly() {
    ingestion.chirpStack(uplink("d-1", 1, "Vw==", T1)); // 0x57: 87 %

    IngestResult late = ingestion.chirpStack(uplink("d-0", 0, "Kg==", T0)); // 0x2a: 42 %

    assertThat(late).isInstanceOf(IngestResult.Accepted.class);
    Attribute current = fill();
    assertThat(current.value().asDouble()).isEqualTo(0.87);
    assertThat(current.observedAt()).isEqualTo(Instant.parse(T1));
    assertThat(observedAt(Instant.parse(T0)))
        .singleElement()
        .satisfies(i -> assertThat(i.attribute().value().asDouble()).isEqualTo(0.42));
  }

  @Test
  void aLateUplinkReplayedAfterARestartIsStillOnlyOnceInTheHistory() throws Exception {
    ingestion.chirpStack(uplink("d-1", 1, "Vw==", T1));
    byte[] late = uplink("d-0", 0, "Kg==", T0);
    ingestion.chirpStack(late);

    restart();

    assertThat(ingestion.chirpStack(late)).isInstanceOf(IngestResult.Duplicate.class);
    assertThat(observedAt(Instant.parse(T0))).hasSize(1);
    assertThat(observedAt(Instant.parse(T1))).hasSize(1);
  }

  @Test
  void aNewerUplinkStillBecomesCurrent() {
    ingestion.chirpStack(uplink("d-0", 0, "Kg==", T0));

    ingestion.chirpStack(uplink("d-1", 1, "Vw==", T1));

    Attribute current = fill();
    assertThat(current.value().asDouble()).isEqualTo(0.87);
    assertThat(observedAt(Instant.parse(T0))).hasSize(1);
    assertThat(observedAt(Instant.parse(T1))).hasSize(1);
  }

  /**
   * A second later at every reading, from {@link #NOW}: every write gets its own modifiedAt, which
   * the temporal recorder keys instances by.
   */
  private static final class Ticking extends Clock {
    private static final AtomicLong seconds = new AtomicLong();

    @Override
    public Instant instant() {
      return NOW.plusSeconds(seconds.incrementAndGet());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private Attribute fill() {
    return broker.entities().retrieve().handle(tenant, BIN).defaultInstance(FILL).orElseThrow();
  }

  /** The bin's history instances of the filling level observed at {@code time}. */
  private List<AttributeInstance> observedAt(Instant time) {
    List<TemporalEntity> entities =
        history.instances(
            tenant,
            List.of(BIN),
            new TimeFilter(
                Set.of(FILL), TimeProperty.OBSERVED_AT, Optional.empty(), OptionalInt.empty()));
    return entities.getFirst().attributes().getOrDefault(FILL, List.of()).stream()
        .filter(i -> time.equals(i.attribute().observedAt()))
        .toList();
  }

  private static byte[] uplink(String deduplicationId, int fCnt, String data, String time) {
    String json =
        "{\"deduplicationId\":\""
            + deduplicationId
            + "\",\"time\":\""
            + time
            + "\",\"deviceInfo\":{\"devEui\":\""
            + DEV_EUI
            + "\"},\"fCnt\":"
            + fCnt
            + ",\"data\":\""
            + data
            + "\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
