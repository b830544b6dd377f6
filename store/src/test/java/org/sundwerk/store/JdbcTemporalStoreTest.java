package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sundwerk.store.TestEntities.iri;
import static org.sundwerk.store.TestEntities.number;
import static org.sundwerk.store.TestEntities.observed;
import static org.sundwerk.store.TestEntities.urn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sundwerk.broker.temporal.AggregatedEntity;
import org.sundwerk.broker.temporal.Aggregation;
import org.sundwerk.broker.temporal.AggregationMethod;
import org.sundwerk.broker.temporal.PruneTemporalHistory;
import org.sundwerk.broker.temporal.TemporalEntity;
import org.sundwerk.broker.temporal.TimeFilter;
import org.sundwerk.broker.temporal.TimeProperty;
import org.sundwerk.broker.temporal.Timerel;
import org.sundwerk.ngsild.model.Attribute;

/**
 * The temporal store on SQLite (subclassed per backend): history written directly and by the
 * recorder, aggregation, pruning.
 */
class JdbcTemporalStoreTest extends TemporalStoreFixture {

  private static final String TENANT = "temporal";
  private static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(15);
  private static final int PER_DAY = 96;
  private static final int DAYS = 365;

  @Test
  void aggregatesAYearOfQuarterHourValuesPerDayInSql() throws Exception {
    long seed = 20250101L;
    Random random = new Random(seed);
    double[] values = new double[DAYS * PER_DAY];
    List<Attribute> instances = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.round((10 + 15 * random.nextDouble()) * 100) / 100.0;
      instances.add(observed(number(values[i]), YEAR_START.plus(STEP.multipliedBy(i))));
    }
    String name = iri("temperature");
    store
        .append(
            TENANT,
            urn("sensor"),
            List.of(iri("WeatherObserved")),
            Map.of(name, instances),
            Instant.parse("2026-01-01T00:00:00Z"))
        .get();

    List<AggregatedEntity> result =
        store.aggregate(
            TENANT,
            List.of(urn("sensor")),
            new TimeFilter(
                Set.of(name),
                TimeProperty.OBSERVED_AT,
                Optional.of(
                    Timerel.of(
                        "between",
                        Optional.of(YEAR_START),
                        Optional.of(YEAR_START.plus(Duration.ofDays(DAYS))))),
                OptionalInt.empty()),
            new Aggregation(
                List.of(AggregationMethod.AVG, AggregationMethod.MIN, AggregationMethod.MAX),
                Optional.of(Duration.ofDays(1))));

    var aggregated = result.getFirst().attributes().get(name).values();
    assertThat(aggregated.get(AggregationMethod.AVG)).as("seed %d", seed).hasSize(DAYS);
    for (int day = 0; day < DAYS; day++) {
      double sum = 0;
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (int i = day * PER_DAY; i < (day + 1) * PER_DAY; i++) {
        sum += values[i];
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
      Instant start = YEAR_START.plus(Duration.ofDays(day));
      AggregatedEntity.Bucket avg = aggregated.get(AggregationMethod.AVG).get(day);
      assertThat(avg.start()).isEqualTo(start);
      assertThat(avg.end()).isEqualTo(start.plus(Duration.ofDays(1)));
      assertThat(avg.value()).as("avg of day %d", day).isCloseTo(sum / PER_DAY, within(1e-9));
      assertThat(aggregated.get(AggregationMethod.MIN).get(day).value()).isEqualTo(min);
      assertThat(aggregated.get(AggregationMethod.MAX).get(day).value()).isEqualTo(max);
    }
  }

  @Test
  void recordsEveryChangedInstanceOfEntityWrites() throws Exception {
    Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
    for (int i = 0; i < 3; i++) {
      var entity =
          TestEntities.entity("room", "Room", "temperature", number(20 + i), "name", number(1));
      Instant modified = t0.plusSeconds(i);
      var stamped =
          entity
              .withAttributes(
                  Map.of(
                      iri("temperature"),
                      List.of(number(20 + i).withSystemTimes(t0, modified)),
                      iri("name"),
                      List.of(number(1).withSystemTimes(t0, t0))))
              .withSystemTimes(t0, modified);
      entities.write(TENANT, urn("room"), TestEntities.put(stamped)).get();
    }

    TemporalEntity history =
        store
            .instances(
                TENANT,
                List.of(urn("room")),
                new TimeFilter(
                    Set.of(), TimeProperty.MODIFIED_AT, Optional.empty(), OptionalInt.empty()))
            .getFirst();

    assertThat(history.types()).containsExactly(iri("Room"));
    assertThat(history.attributes().get(iri("temperature")))
        .extracting(i -> i.attribute().value().asInt())
        .containsExactly(20, 21, 22);
    assertThat(history.attributes().get(iri("name"))).hasSize(1);
  }

  @Test
  void prunesInstancesOlderThanTheRetentionOfTheirTenant() throws Exception {
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    String name = iri("level");
    for (String tenant : List.of("short", "long")) {
      store
          .append(
              tenant,
              urn("bin"),
              List.of(iri("Bin")),
              Map.of(
                  name,
                  List.of(
                      observed(number(1), now.minus(Duration.ofDays(40))),
                      observed(number(2), now.minus(Duration.ofDays(10))),
                      observed(number(3), now.minus(Duration.ofHours(1))))),
              now)
          .get();
    }
    PruneTemporalHistory prune =
        new PruneTemporalHistory(
            store,
            Clock.fixed(now, ZoneOffset.UTC),
            Optional.of(Duration.ofDays(30)),
            Map.of("short", Duration.ofDays(1)));

    assertThat(prune.run()).isEqualTo(3);

    TimeFilter all =
        new TimeFilter(Set.of(), TimeProperty.OBSERVED_AT, Optional.empty(), OptionalInt.empty());
    assertThat(store.instances("short", List.of(urn("bin")), all).getFirst().attributes().get(name))
        .extracting(i -> i.attribute().value().asInt())
        .containsExactly(3);
    assertThat(store.instances("long", List.of(urn("bin")), all).getFirst().attributes().get(name))
        .extracting(i -> i.attribute().value().asInt())
        .containsExactly(2, 3);
  }

  @Test
  void prunesInBoundedBatchesOldestFirst() throws Exception {
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    String name = iri("level");
    store
        .append(
            TENANT,
            urn("bin"),
            List.of(iri("Bin")),
            Map.of(
                name,
                List.of(
                    observed(number(1), now.minus(Duration.ofDays(3))),
                    observed(number(2), now.minus(Duration.ofDays(2))),
                    observed(number(3), now))),
            now)
        .get();

    assertThat(store.prune(TENANT, now, 1).get()).isEqualTo(1);

    TimeFilter all =
        new TimeFilter(Set.of(), TimeProperty.OBSERVED_AT, Optional.empty(), OptionalInt.empty());
    assertThat(store.instances(TENANT, List.of(urn("bin")), all).getFirst().attributes().get(name))
        .extracting(i -> i.attribute().value().asInt())
        .containsExactly(2, 3);
    assertThat(store.prune(TENANT, now, 10).get()).isEqualTo(1);
  }
}
