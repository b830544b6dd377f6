package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sundwerk.store.TestEntities.bool;
import static org.sundwerk.store.TestEntities.integer;
import static org.sundwerk.store.TestEntities.iri;
import static org.sundwerk.store.TestEntities.number;
import static org.sundwerk.store.TestEntities.observed;
import static org.sundwerk.store.TestEntities.relationship;
import static org.sundwerk.store.TestEntities.text;
import static org.sundwerk.store.TestEntities.urn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.sundwerk.broker.temporal.AttributeInstance;
import org.sundwerk.broker.temporal.TimeFilter;
import org.sundwerk.broker.temporal.TimeProperty;
import org.sundwerk.broker.temporal.Timerel;
import org.sundwerk.ngsild.model.Attribute;

/**
 * Differential test of the temporal rollup on SQLite (subclassed per backend): random appends,
 * recorded entity writes, instance modifications and deletions and prunes, then random aggregations
 * that the rollup answers compared with the same aggregations answered from the instances (asking
 * for distinctCount as well forces that path), and every rollup row compared with the row
 * recomputed from the instances. Sums may differ in the last bits (another order of additions);
 * counts, minima, maxima and buckets must be identical. Failures name the seed.
 */
class TemporalRollupTest extends TemporalStoreFixture {

  private static final Instant BASE = Instant.parse("2025-03-01T00:00:00Z");
  private static final List<String> NAMES = List.of(iri("a"), iri("b"));
  private static final List<AggregationMethod> ROLLUP_METHODS =
      List.of(
          AggregationMethod.TOTAL_COUNT,
          AggregationMethod.SUM,
          AggregationMethod.AVG,
          AggregationMethod.MIN,
          AggregationMethod.MAX,
          AggregationMethod.STDDEV,
          AggregationMethod.SUMSQ);
  private static final List<Optional<Duration>> PERIODS =
      List.of(
          Optional.empty(),
          Optional.of(Duration.ofHours(1)),
          Optional.of(Duration.ofHours(3)),
          Optional.of(Duration.ofDays(1)),
          Optional.of(Duration.ofDays(2)));

  @Test
  void aggregatesFromTheRollupAsFromTheInstances() throws Exception {
    for (long seed = 1; seed <= 10; seed++) {
      String tenant = "seed" + seed;
      Random random = new Random(seed);
      changeRandomly(random, tenant);
      for (int query = 0; query < 25; query++) {
        compareRandomAggregation(random, tenant, "seed " + seed + ", query " + query);
      }
      assertRollupMatchesInstances("seed " + seed);
    }
  }

  private void changeRandomly(Random random, String tenant) throws Exception {
    String id = urn("sensor");
    for (int batch = 0; batch < 3; batch++) {
      Map<String, List<Attribute>> instances = new LinkedHashMap<>();
      int size = 20 + random.nextInt(60);
      for (int i = 0; i < size; i++) {
        instances
            .computeIfAbsent(NAMES.get(random.nextInt(2)), k -> new ArrayList<>())
            .add(randomInstance(random));
      }
      store.append(tenant, id, List.of(iri("Sensor")), instances, BASE).get();
    }
    for (int write = 0; write < 3; write++) {
      var entity =
          TestEntities.entity("sensor", "Sensor", "a", randomInstance(random), "c", integer(write));
      entities.write(tenant, id, TestEntities.put(entity)).get();
    }
    TimeFilter all =
        new TimeFilter(Set.of(), TimeProperty.OBSERVED_AT, Optional.empty(), OptionalInt.empty());
    List<Map.Entry<String, AttributeInstance>> stored = new ArrayList<>();
    store
        .instances(tenant, List.of(id), all)
        .getFirst()
        .attributes()
        .forEach((name, list) -> list.forEach(i -> stored.add(Map.entry(name, i))));
    for (int change = 0; change < 12; change++) {
      var target = stored.get(random.nextInt(stored.size()));
      if (random.nextBoolean()) {
        store
            .modifyInstance(
                tenant,
                id,
                target.getKey(),
                target.getValue().instanceId(),
                randomInstance(random),
                BASE)
            .get();
      } else {
        store.deleteInstance(tenant, id, target.getKey(), target.getValue().instanceId()).get();
      }
    }
    Instant horizon = BASE.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
    store.prune(tenant, horizon, 1 + random.nextInt(20)).get();
  }

  /**
   * An instance at a random minute of four days from {@link #BASE} (now and then without
   * observedAt), with numbers, repeated integers, texts, booleans and relationships.
   */
  private static Attribute randomInstance(Random random) {
    Attribute value =
        switch (random.nextInt(10)) {
          case 0, 1, 2, 3 -> number(Math.round((random.nextDouble() * 200 - 50) * 100) / 100.0);
          case 4, 5 -> integer(random.nextInt(5));
          case 6 -> text("t" + random.nextInt(3));
          case 7 -> bool(random.nextBoolean());
          case 8 -> relationship("urn:ngsi-ld:Thing:" + random.nextInt(3));
          default -> number(random.nextInt(1000) / 7.0);
        };
    if (random.nextInt(12) == 0) {
      return value;
    }
    long seconds = random.nextInt(4 * 24 * 3600);
    return observed(value, BASE.plusSeconds(seconds));
  }

  private void compareRandomAggregation(Random random, String tenant, String description) {
    List<AggregationMethod> methods = new ArrayList<>();
    for (AggregationMethod method : ROLLUP_METHODS) {
      if (random.nextInt(3) == 0) {
        methods.add(method);
      }
    }
    if (methods.isEmpty()) {
      methods.add(ROLLUP_METHODS.get(random.nextInt(ROLLUP_METHODS.size())));
    }
    Optional<Duration> period = PERIODS.get(random.nextInt(PERIODS.size()));
    Instant from = BASE.minus(Duration.ofDays(1)).plus(Duration.ofHours(random.nextInt(5 * 24)));
    Instant to = from.plus(Duration.ofHours(1 + random.nextInt(4 * 24)));
    if (random.nextBoolean()) {
      // Whole days, so that the day rows answer.
      from = from.minus(Duration.ofHours(from.atZone(java.time.ZoneOffset.UTC).getHour()));
      to = from.plus(Duration.ofDays(1 + random.nextInt(4)));
    }
    Optional<Timerel> timerel =
        switch (random.nextInt(period.isPresent() ? 2 : 4)) {
          case 0 -> Optional.of(Timerel.of("between", Optional.of(from), Optional.of(to)));
          case 1 -> Optional.of(Timerel.of("after", Optional.of(from), Optional.empty()));
          case 2 -> Optional.of(Timerel.of("before", Optional.of(to), Optional.empty()));
          default -> Optional.empty();
        };
    Set<String> attrs = random.nextBoolean() ? Set.of() : Set.of(NAMES.get(random.nextInt(2)));
    TimeFilter filter =
        new TimeFilter(attrs, TimeProperty.OBSERVED_AT, timerel, OptionalInt.empty());
    List<AggregationMethod> withDistinct = new ArrayList<>(methods);
    withDistinct.add(AggregationMethod.DISTINCT_COUNT);

    AggregatedEntity rollup =
        store
            .aggregate(tenant, List.of(urn("sensor")), filter, new Aggregation(methods, period))
            .getFirst();
    AggregatedEntity raw =
        store
            .aggregate(
                tenant, List.of(urn("sensor")), filter, new Aggregation(withDistinct, period))
            .getFirst();

    String context = description + ": " + methods + " " + period + " " + timerel + " " + attrs;
    assertThat(rollup.attributes().keySet()).as(context).isEqualTo(raw.attributes().keySet());
    for (String name : raw.attributes().keySet()) {
      AggregatedEntity.Aggregated expected = raw.attributes().get(name);
      AggregatedEntity.Aggregated actual = rollup.attributes().get(name);
      assertThat(actual.kind()).as(context).isEqualTo(expected.kind());
      for (AggregationMethod method : methods) {
        List<AggregatedEntity.Bucket> want = expected.values().getOrDefault(method, List.of());
        List<AggregatedEntity.Bucket> got = actual.values().getOrDefault(method, List.of());
        assertThat(got).as(context + " " + method).hasSameSizeAs(want);
        for (int i = 0; i < want.size(); i++) {
          String bucket = context + " " + method + " bucket " + i;
          assertThat(got.get(i).start()).as(bucket).isEqualTo(want.get(i).start());
          assertThat(got.get(i).end()).as(bucket).isEqualTo(want.get(i).end());
          assertSameValue(bucket, got.get(i).value(), want.get(i).value(), exact(method));
        }
      }
    }
  }

  private static boolean exact(AggregationMethod method) {
    return method == AggregationMethod.TOTAL_COUNT
        || method == AggregationMethod.MIN
        || method == AggregationMethod.MAX;
  }

  private static void assertSameValue(String what, double actual, double expected, boolean exact) {
    if (exact) {
      assertThat(actual).as(what).isEqualTo(expected);
    } else {
      assertThat(Math.abs(actual - expected))
          .as(what + ": " + actual + " vs " + expected)
          .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected)));
    }
  }

  /** Every rollup row equals the one recomputed from the instances, and no row is missing. */
  private void assertRollupMatchesInstances(String description) throws Exception {
    String stored =
        "SELECT entity_pk, attribute, span, span_start, kind, instances, numbers, number_min,"
            + " number_max, first_at, last_at, number_sum, number_sumsq FROM temporal_rollup"
            + " ORDER BY entity_pk, attribute, span, span_start";
    String recomputed =
        "SELECT i.entity_pk, i.attribute, s.span, i.observed_at - ((i.observed_at % s.span)"
            + " + s.span) % s.span AS start_at, min(i.kind), count(*), count(i.number),"
            + " min(i.number), max(i.number), min(i.observed_at), max(i.observed_at),"
            + " coalesce(sum(i.number), 0), coalesce(sum(i.number * i.number), 0)"
            + " FROM temporal_instance i CROSS JOIN (SELECT 3600000 AS span UNION ALL SELECT"
            + " 86400000) s WHERE i.observed_at IS NOT NULL"
            + " GROUP BY i.entity_pk, i.attribute, s.span, start_at"
            + " ORDER BY i.entity_pk, i.attribute, s.span, start_at";
    List<List<Object>> actual = rows(stored);
    List<List<Object>> expected = rows(recomputed);
    assertThat(actual).as(description).hasSameSizeAs(expected);
    for (int r = 0; r < expected.size(); r++) {
      List<Object> want = expected.get(r);
      List<Object> got = actual.get(r);
      String row = description + ", rollup row " + want;
      assertThat(got.subList(0, 11)).as(row).isEqualTo(want.subList(0, 11));
      for (int c = 11; c < 13; c++) {
        assertSameValue(row, (Double) got.get(c), (Double) want.get(c), false);
      }
    }
  }

  /** The rows of {@code sql}: integers as Long, reals as Double, texts as String. */
  private List<List<Object>> rows(String sql) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= 13; c++) {
          Object value =
              switch (c) {
                case 2, 5 -> result.getString(c);
                case 8, 9, 12, 13 -> result.getDouble(c);
                default -> result.getLong(c);
              };
          row.add(result.wasNull() ? null : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
