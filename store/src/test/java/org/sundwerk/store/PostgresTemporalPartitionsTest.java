package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sundwerk.store.TestEntities.iri;
import static org.sundwerk.store.TestEntities.number;
import static org.sundwerk.store.TestEntities.observed;
import static org.sundwerk.store.TestEntities.urn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.broker.temporal.AggregatedEntity;
import org.sundwerk.broker.temporal.Aggregation;
import org.sundwerk.broker.temporal.AggregationMethod;
import org.sundwerk.broker.temporal.PruneTemporalHistory;
import org.sundwerk.broker.temporal.TimeFilter;
import org.sundwerk.broker.temporal.TimeProperty;
import org.sundwerk.broker.temporal.Timerel;
import org.sundwerk.ngsild.model.Attribute;

/**
 * Monthly partitions of the temporal history on PostgreSQL: created ahead of need, split out of the
 * DEFAULT partition, dropped whole by retention while the boundary month is pruned row by row.
 */
class PostgresTemporalPartitionsTest {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String NAME = iri("level");

  private StoreDatabase database;
  private JdbcEntityStore entities;
  private JdbcTemporalStore store;

  @BeforeEach
  void open() throws Exception {
    database = server.openSchema();
    entities = new JdbcEntityStore(database, List.of(new TemporalRecorder(CLOCK)));
    store = new JdbcTemporalStore(entities, CLOCK);
  }

  @AfterEach
  void close() {
    entities.close();
    database.close();
  }

  @Test
  void createsThePartitionsOfTheCurrentAndComingMonthsAtStart() throws Exception {
    assertThat(partitions()).containsExactly("p202606", "p202607", "p202608");
  }

  @Test
  void movesRowsOfMonthsWithoutPartitionOutOfTheDefaultPartition() throws Exception {
    List<Attribute> instances = dailyInstances(Instant.parse("2026-01-01T06:00:00Z"), 120);
    instances.add(number(99)); // no observedAt: partitioned by its modifiedAt
    append("tenant", instances, Instant.parse("2025-12-24T00:00:00Z"));
    assertThat(rows("temporal_instance_default")).isEqualTo(121);

    store.maintainPartitions(NOW, Optional.empty()).get();

    assertThat(rows("temporal_instance_default")).isZero();
    assertThat(partitions())
        .containsExactly(
            "p202512", "p202601", "p202602", "p202603", "p202604", "p202606", "p202607", "p202608");
    assertThat(rows("temporal_instance_p202602")).isEqualTo(28);
    assertThat(rows("temporal_instance")).isEqualTo(121);
  }

  @Test
  void retentionDropsWholeMonthsAndPrunesTheBoundaryMonthRowByRow() throws Exception {
    for (String tenant : List.of("a", "b")) {
      append(tenant, dailyInstances(Instant.parse("2026-01-01T06:00:00Z"), 166), NOW);
    }
    store.maintainPartitions(NOW, Optional.empty()).get();
    PruneTemporalHistory prune =
        new PruneTemporalHistory(
            store, CLOCK, Optional.of(Duration.ofDays(90)), Map.of("b", Duration.ofDays(60)));

    // Tenant a keeps 90 days: from 2026-03-17T12:00Z, so January and February go whole.
    long deleted = prune.run();

    assertThat(partitions()).doesNotContain("p202601", "p202602").contains("p202603");
    Instant horizonA = NOW.minus(Duration.ofDays(90));
    Instant horizonB = NOW.minus(Duration.ofDays(60));
    int keptA = countFrom(horizonA);
    int keptB = countFrom(horizonB);
    assertThat(deleted).isEqualTo(2L * 166 - keptA - keptB);
    assertThat(observedTimes("a")).hasSize(keptA).allMatch(t -> !t.isBefore(horizonA));
    assertThat(observedTimes("b")).hasSize(keptB).allMatch(t -> !t.isBefore(horizonB));
    // The rollup lost the dropped months too: a sum over the whole year counts what is left.
    assertThat(yearCount("a")).isEqualTo(keptA);
    assertThat(yearCount("b")).isEqualTo(keptB);
  }

  @Test
  void keepsEveryMonthWhileATenantKeepsHistoryForEver() throws Exception {
    for (String tenant : List.of("a", "forever")) {
      append(tenant, dailyInstances(Instant.parse("2026-01-01T06:00:00Z"), 166), NOW);
    }
    PruneTemporalHistory prune =
        new PruneTemporalHistory(store, CLOCK, Optional.empty(), Map.of("a", Duration.ofDays(90)));

    prune.run();

    assertThat(partitions()).contains("p202601", "p202602");
    assertThat(observedTimes("forever")).hasSize(166);
    assertThat(observedTimes("a")).hasSize(countFrom(NOW.minus(Duration.ofDays(90))));
  }

  /** One instance a day at the time of day of {@code first}, values 0, 1, 2, ... */
  private static List<Attribute> dailyInstances(Instant first, int days) {
    List<Attribute> instances = new ArrayList<>();
    for (int day = 0; day < days; day++) {
      instances.add(observed(number(day), first.plus(Duration.ofDays(day))));
    }
    return instances;
  }

  /** How many of the 166 daily instances from 2026-01-01T06:00Z lie at or after {@code from}. */
  private static int countFrom(Instant from) {
    Instant first = Instant.parse("2026-01-01T06:00:00Z");
    int count = 0;
    for (int day = 0; day < 166; day++) {
      if (!first.plus(Duration.ofDays(day)).isBefore(from)) {
        count++;
      }
    }
    return count;
  }

  private void append(String tenant, List<Attribute> instances, Instant now) throws Exception {
    store.append(tenant, urn("bin"), List.of(iri("Bin")), Map.of(NAME, instances), now).get();
  }

  private List<Instant> observedTimes(String tenant) {
    TimeFilter all =
        new TimeFilter(Set.of(), TimeProperty.OBSERVED_AT, Optional.empty(), OptionalInt.empty());
    return store
        .instances(tenant, List.of(urn("bin")), all)
        .getFirst()
        .attributes()
        .get(NAME)
        .stream()
        .map(i -> i.attribute().observedAt())
        .toList();
  }

  /** totalCount over 2026 in one bucket, answered from the day rows of the rollup. */
  private long yearCount(String tenant) {
    Timerel year =
        Timerel.of(
            "between",
            Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
            Optional.of(Instant.parse("2027-01-01T00:00:00Z")));
    AggregatedEntity result =
        store
            .aggregate(
                tenant,
                List.of(urn("bin")),
                new TimeFilter(
                    Set.of(NAME), TimeProperty.OBSERVED_AT, Optional.of(year), OptionalInt.empty()),
                new Aggregation(List.of(AggregationMethod.TOTAL_COUNT), Optional.empty()))
            .getFirst();
    return (long)
        result
            .attributes()
            .get(NAME)
            .values()
            .get(AggregationMethod.TOTAL_COUNT)
            .getFirst()
            .value();
  }

  /** The month partitions of temporal_instance, as pYYYYMM, oldest first. */
  private List<String> partitions() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " WHERE i.inhparent = 'temporal_instance'::regclass"
                    + " AND c.relname <> 'temporal_instance_default' ORDER BY c.relname");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        names.add(rows.getString(1).substring("temporal_instance_".length()));
      }
    }
    return names;
  }

  private long rows(String table) throws Exception {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM " + table);
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
