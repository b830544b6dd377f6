package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.broker.paging.Paging;
import org.sundwerk.broker.temporal.AggregatedEntity;
import org.sundwerk.broker.temporal.Aggregation;
import org.sundwerk.broker.temporal.AggregationMethod;
import org.sundwerk.broker.temporal.AttributeInstance;
import org.sundwerk.broker.temporal.TemporalEntity;
import org.sundwerk.broker.temporal.TemporalStore;
import org.sundwerk.broker.temporal.TimeFilter;
import org.sundwerk.broker.temporal.TimeProperty;
import org.sundwerk.broker.temporal.Timerel;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;

/**
 * The {@link TemporalStore} on the entity store's database. Writes run on the entity store's single
 * writer (group-committed with entity writes); reads use its read pool. Aggregation runs in SQL
 * over time buckets {@code (t - origin) / period}; only one row per bucket reaches the JVM. Buckets
 * of whole hours or days on observedAt are summed from the rollup ({@link TemporalRollup}), the
 * others from the instances. Thread-safe.
 */
public final class JdbcTemporalStore implements TemporalStore {

  private final JdbcEntityStore entities;
  private final StoreDatabase database;
  private final SqlDialect dialect;
  private final SelectionSql selection;

  /** Months of partitions created ahead of the current one. */
  static final int MONTHS_AHEAD = 2;

  /**
   * A temporal store that shares the database and writer of {@code entities}. Where the history is
   * partitioned (PostgreSQL), creates the partitions of the current and coming months by {@code
   * clock} before it returns.
   */
  public JdbcTemporalStore(JdbcEntityStore entities, Clock clock) {
    this.entities = entities;
    this.database = entities.database();
    this.dialect = database.dialect();
    this.selection = SelectionSql.temporalEntities(dialect);
    maintainPartitions(clock.instant(), Optional.empty()).join();
  }

  @Override
  public CompletableFuture<Boolean> append(
      String tenant,
      String entityId,
      List<String> types,
      Map<String, List<Attribute>> instances,
      Instant now) {
    return entities.writeDirect(
        (connection, statements) -> {
          OptionalLong existing = TemporalRows.entityPk(statements, tenant, entityId);
          long pk;
          boolean created = existing.isEmpty();
          if (existing.isPresent()) {
            pk = existing.getAsLong();
          } else if (types.isEmpty()) {
            throw NgsiLdException.notFound(
                "Entity " + entityId + " has no temporal representation");
          } else {
            PreparedStatement tenantRow =
                statements.prepare(
                    "INSERT INTO tenant (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
            tenantRow.setString(1, tenant);
            tenantRow.executeUpdate();
            pk = TemporalRows.insertEntity(statements, tenant, entityId);
          }
          TemporalRows.addTypes(statements, List.of(new TemporalRows.TypeRows(tenant, pk, types)));
          TemporalRollup.Additions rollup = new TemporalRollup.Additions();
          List<TemporalRows.InstanceRow> rows = new ArrayList<>();
          for (Map.Entry<String, List<Attribute>> attribute : instances.entrySet()) {
            for (Attribute instance : attribute.getValue()) {
              rows.add(new TemporalRows.InstanceRow(attribute.getKey(), instance, now));
              rollup.add(pk, attribute.getKey(), instance);
            }
          }
          TemporalRows.insertInstances(statements, List.of(new TemporalRows.Instances(pk, rows)));
          rollup.flush(statements);
          return created;
        });
  }

  @Override
  public Page<String> select(String tenant, EntityQuery query) {
    Sql where = new Sql().append(" WHERE e.tenant = ").param(tenant);
    selection.appendConditions(where, tenant, query);
    Paging paging = query.paging();
    List<String> ids = new ArrayList<>();
    OptionalLong count = OptionalLong.empty();
    try (Connection connection = database.readPool().getConnection()) {
      if (paging.limit() > 0) {
        // One more than the page tells whether more follow.
        Sql select =
            new Sql()
                .append("SELECT e.id FROM temporal_entity e")
                .append(where)
                .append(" ORDER BY e.pk");
        dialect.page(select, paging.limit() + 1, paging.offset());
        try (PreparedStatement statement = select.prepare(connection);
            ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getString(1));
          }
        }
      }
      if (paging.count()) {
        Sql select = new Sql().append("SELECT count(*) FROM temporal_entity e").append(where);
        try (PreparedStatement statement = select.prepare(connection);
            ResultSet rows = statement.executeQuery()) {
          rows.next();
          count = OptionalLong.of(rows.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw failed("selecting temporal entities", e);
    }
    return Page.ofOneMore(ids, paging.limit(), count);
  }

  /** Key, id and types of the temporal entities among {@code ids}, in the order of {@code ids}. */
  private record Head(long pk, String id, List<String> types) {}

  private List<Head> heads(Connection connection, String tenant, List<String> ids)
      throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Long> pks = new LinkedHashMap<>();
    Sql select =
        new Sql()
            .append("SELECT id, pk FROM temporal_entity WHERE tenant = ")
            .param(tenant)
            .append(" AND id IN ")
            .params(ids);
    try (PreparedStatement statement = select.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        pks.put(rows.getString(1), rows.getLong(2));
      }
    }
    if (pks.isEmpty()) {
      return List.of();
    }
    Map<Long, List<String>> types = new LinkedHashMap<>();
    Sql selectTypes =
        new Sql()
            .append("SELECT entity_pk, type FROM temporal_type WHERE entity_pk IN ")
            .params(List.copyOf(pks.values()))
            .append(" ORDER BY entity_pk, type");
    try (PreparedStatement statement = selectTypes.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        types.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(rows.getString(2));
      }
    }
    List<Head> heads = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      Long pk = pks.get(id);
      if (pk != null) {
        heads.add(new Head(pk, id, types.getOrDefault(pk, List.of())));
      }
    }
    return heads;
  }

  /** The conditions on instances {@code i} of the filter, with {@code t} its time column. */
  private static Sql instanceConditions(List<Head> heads, TimeFilter filter) {
    String t = "i." + timeColumn(filter);
    Sql where =
        new Sql().append(" WHERE i.entity_pk IN ").params(heads.stream().map(Head::pk).toList());
    if (!filter.attrs().isEmpty()) {
      where.append(" AND i.attribute IN ").params(List.copyOf(new TreeSet<>(filter.attrs())));
    }
    if (filter.timerel().isPresent()) {
      Timerel timerel = filter.timerel().get();
      timerel.fromMillis().ifPresent(from -> where.append(" AND " + t + " >= ").param(from));
      timerel.toMillis().ifPresent(to -> where.append(" AND " + t + " < ").param(to));
    }
    return where;
  }

  private static String timeColumn(TimeFilter filter) {
    return switch (filter.property()) {
      case OBSERVED_AT -> "observed_at";
      case MODIFIED_AT -> "modified_at";
      case CREATED_AT -> "created_at";
    };
  }

  @Override
  public List<TemporalEntity> instances(String tenant, List<String> entityIds, TimeFilter filter) {
    try (Connection connection = database.readPool().getConnection()) {
      List<Head> heads = heads(connection, tenant, entityIds);
      if (heads.isEmpty()) {
        return List.of();
      }
      String t = "i." + timeColumn(filter);
      Sql inner =
          new Sql()
              .append(
                  "SELECT i.entity_pk, i.attribute, i.pk, i.doc, i.created_at, i.modified_at, "
                      + t
                      + " AS t");
      if (filter.lastN().isPresent()) {
        inner.append(
            ", row_number() OVER (PARTITION BY i.entity_pk, i.attribute ORDER BY "
                + t
                + " DESC, i.pk DESC) AS rn");
      }
      inner.append(" FROM temporal_instance i").append(instanceConditions(heads, filter));
      Sql select =
          new Sql().append("SELECT entity_pk, attribute, pk, doc, created_at, modified_at");
      select.append(" FROM (").append(inner).append(") AS instances");
      if (filter.lastN().isPresent()) {
        select.append(" WHERE rn <= ").param(filter.lastN().getAsInt());
      }
      select.append(" ORDER BY entity_pk, attribute, t, pk");
      Map<Long, Map<String, List<AttributeInstance>>> byEntity = new LinkedHashMap<>();
      try (PreparedStatement statement = select.prepare(connection);
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Attribute attribute =
              TemporalRows.decode(rows.getString(4))
                  .withSystemTimes(
                      Instant.ofEpochMilli(rows.getLong(5)), Instant.ofEpochMilli(rows.getLong(6)));
          byEntity
              .computeIfAbsent(rows.getLong(1), k -> new LinkedHashMap<>())
              .computeIfAbsent(rows.getString(2), k -> new ArrayList<>())
              .add(new AttributeInstance(TemporalRows.instanceId(rows.getLong(3)), attribute));
        }
      }
      return heads.stream()
          .map(h -> new TemporalEntity(h.id(), h.types(), byEntity.getOrDefault(h.pk(), Map.of())))
          .toList();
    } catch (SQLException e) {
      throw failed("reading temporal instances", e);
    }
  }

  @Override
  public List<AggregatedEntity> aggregate(
      String tenant, List<String> entityIds, TimeFilter filter, Aggregation aggregation) {
    try (Connection connection = database.readPool().getConnection()) {
      List<Head> heads = heads(connection, tenant, entityIds);
      if (heads.isEmpty()) {
        return List.of();
      }
      Optional<Long> from = filter.timerel().flatMap(Timerel::fromMillis);
      Optional<Long> to = filter.timerel().flatMap(Timerel::toMillis);
      long period = aggregation.period().map(Duration::toMillis).orElse(0L);
      OptionalLong span = rollupSpan(filter, aggregation, period);
      BucketQuery query =
          span.isPresent()
              ? rollupAggregation(heads, filter, aggregation, period, span.getAsLong())
              : rawAggregation(connection, heads, filter, aggregation, period);
      Map<Long, Map<String, AttributeKind>> kinds = new LinkedHashMap<>();
      Map<Long, Map<String, Map<AggregationMethod, List<AggregatedEntity.Bucket>>>> byEntity =
          new LinkedHashMap<>();
      try (PreparedStatement statement = query.select().prepare(connection);
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long entityPk = rows.getLong(1);
          String attribute = rows.getString(2);
          kinds
              .computeIfAbsent(entityPk, k -> new LinkedHashMap<>())
              .put(attribute, AttributeKind.valueOf(rows.getString(3)));
          Instant start;
          Instant end;
          if (period > 0) {
            long origin = query.origin();
            long b = rows.getLong(4);
            start = Instant.ofEpochMilli(origin + b * period);
            end = Instant.ofEpochMilli(origin + (b + 1) * period);
          } else {
            start = Instant.ofEpochMilli(from.orElse(rows.getLong(12)));
            end = Instant.ofEpochMilli(to.orElse(rows.getLong(13)));
          }
          Map<AggregationMethod, List<AggregatedEntity.Bucket>> methods =
              byEntity
                  .computeIfAbsent(entityPk, k -> new LinkedHashMap<>())
                  .computeIfAbsent(attribute, k -> new EnumMap<>(AggregationMethod.class));
          for (AggregationMethod method : aggregation.methods()) {
            Optional<Double> value = value(method, rows);
            value.ifPresent(
                v ->
                    methods
                        .computeIfAbsent(method, k -> new ArrayList<>())
                        .add(new AggregatedEntity.Bucket(v, start, end)));
          }
        }
      }
      List<AggregatedEntity> result = new ArrayList<>();
      for (Head head : heads) {
        Map<String, AggregatedEntity.Aggregated> attributes = new LinkedHashMap<>();
        byEntity
            .getOrDefault(head.pk(), Map.of())
            .forEach(
                (name, values) ->
                    attributes.put(
                        name,
                        new AggregatedEntity.Aggregated(kinds.get(head.pk()).get(name), values)));
        result.add(new AggregatedEntity(head.id(), head.types(), attributes));
      }
      return result;
    } catch (SQLException e) {
      throw failed("aggregating temporal instances", e);
    }
  }

  /**
   * The longest span of the rollup that answers exactly what the instances would, if any: the
   * rollup holds observedAt only and no distinct values, and whole spans, so bounds and buckets
   * must fall on span starts (without timeAt, the buckets start at the first instance, which need
   * not).
   */
  private static OptionalLong rollupSpan(TimeFilter filter, Aggregation aggregation, long period) {
    if (filter.property() != TimeProperty.OBSERVED_AT
        || aggregation.methods().contains(AggregationMethod.DISTINCT_COUNT)) {
      return OptionalLong.empty();
    }
    Optional<Long> from = filter.timerel().flatMap(Timerel::fromMillis);
    Optional<Long> to = filter.timerel().flatMap(Timerel::toMillis);
    for (long span : TemporalRollup.SPANS) {
      boolean boundsAligned =
          from.map(f -> Math.floorMod(f, span) == 0).orElse(true)
              && to.map(t -> Math.floorMod(t, span) == 0).orElse(true);
      boolean bucketsAligned = period == 0 || (period % span == 0 && from.isPresent());
      if (boundsAligned && bucketsAligned) {
        return OptionalLong.of(span);
      }
    }
    return OptionalLong.empty();
  }

  /**
   * A query for buckets, one row per entity, attribute and bucket: columns 1 entity key, 2
   * attribute, 3 kind, 4 bucket number {@code b} (the bucket starts at {@code origin + b *
   * period}), 5 to 11 as {@link #value} reads them, 12 and 13 the first and last time (only without
   * period).
   */
  private record BucketQuery(Sql select, long origin) {}

  /** The buckets from the rows of {@code temporal_rollup} of length {@code span}. */
  private static BucketQuery rollupAggregation(
      List<Head> heads, TimeFilter filter, Aggregation aggregation, long period, long span) {
    Optional<Long> from = filter.timerel().flatMap(Timerel::fromMillis);
    Optional<Long> to = filter.timerel().flatMap(Timerel::toMillis);
    long origin = from.orElse(0L);
    Sql select = new Sql().append("SELECT r.entity_pk, r.attribute, min(r.kind), ");
    bucket(select, "r.span_start", origin, period);
    select.append(", sum(r.instances), 0, ");
    Set<AggregationMethod> methods = Set.copyOf(aggregation.methods());
    select
        .append(needsSum(methods) ? "sum(r.number_sum)" : "0")
        .append(methods.contains(AggregationMethod.MIN) ? ", min(r.number_min)" : ", 0")
        .append(methods.contains(AggregationMethod.MAX) ? ", max(r.number_max)" : ", 0")
        .append(needsSumOfSquares(methods) ? ", sum(r.number_sumsq)" : ", 0")
        .append(", sum(r.numbers)")
        .append(period == 0 ? ", min(r.first_at), max(r.last_at)" : ", 0, 0")
        .append(" FROM temporal_rollup r WHERE r.entity_pk IN ")
        .params(heads.stream().map(Head::pk).toList())
        .append(" AND r.span = ")
        .param(span);
    if (!filter.attrs().isEmpty()) {
      select.append(" AND r.attribute IN ").params(List.copyOf(new TreeSet<>(filter.attrs())));
    }
    from.ifPresent(f -> select.append(" AND r.span_start >= ").param(f));
    to.ifPresent(t -> select.append(" AND r.span_start < ").param(t));
    select.append(" GROUP BY r.entity_pk, r.attribute, b ORDER BY r.entity_pk, r.attribute, b");
    return new BucketQuery(select, origin);
  }

  /** The buckets from the instances themselves. */
  private static BucketQuery rawAggregation(
      Connection connection,
      List<Head> heads,
      TimeFilter filter,
      Aggregation aggregation,
      long period)
      throws SQLException {
    String t = "i." + timeColumn(filter);
    Sql where = instanceConditions(heads, filter).append(" AND " + t + " IS NOT NULL");
    Optional<Long> from = filter.timerel().flatMap(Timerel::fromMillis);
    // Without timeAt, buckets start at the first instance.
    long origin =
        from.isPresent() ? from.get() : period > 0 ? minimumTime(connection, t, where) : 0L;
    Sql select = new Sql().append("SELECT i.entity_pk, i.attribute, min(i.kind), ");
    bucket(select, t, origin, period);
    Set<AggregationMethod> methods = Set.copyOf(aggregation.methods());
    select
        .append(", count(*), ")
        .append(
            methods.contains(AggregationMethod.DISTINCT_COUNT) ? "count(DISTINCT i.value)" : "0")
        .append(needsSum(methods) ? ", sum(i.number)" : ", 0")
        .append(methods.contains(AggregationMethod.MIN) ? ", min(i.number)" : ", 0")
        .append(methods.contains(AggregationMethod.MAX) ? ", max(i.number)" : ", 0")
        .append(needsSumOfSquares(methods) ? ", sum(i.number * i.number)" : ", 0")
        .append(", count(i.number)")
        .append(period == 0 ? ", min(" + t + "), max(" + t + ")" : ", 0, 0")
        .append(" FROM temporal_instance i")
        .append(where)
        .append(" GROUP BY i.entity_pk, i.attribute, b ORDER BY i.entity_pk, i.attribute, b");
    return new BucketQuery(select, origin);
  }

  /** Appends the bucket number {@code b} of time {@code t}: {@code (t - origin) / period}. */
  private static void bucket(Sql select, String t, long origin, long period) {
    if (period > 0) {
      select.append("(" + t + " - ").param(origin).append(") / ").param(period);
    } else {
      select.append("0");
    }
    select.append(" AS b");
  }

  private static boolean needsSum(Set<AggregationMethod> methods) {
    return methods.contains(AggregationMethod.SUM)
        || methods.contains(AggregationMethod.AVG)
        || methods.contains(AggregationMethod.STDDEV);
  }

  private static boolean needsSumOfSquares(Set<AggregationMethod> methods) {
    return methods.contains(AggregationMethod.SUMSQ) || methods.contains(AggregationMethod.STDDEV);
  }

  /**
   * One aggregate from a bucket row: columns 5 count, 6 distinct count, 7 sum, 8 min, 9 max, 10 sum
   * of squares, 11 count of numbers. Numeric methods are empty for buckets without numbers.
   * Standard deviation is the population one, from the sums.
   */
  private static Optional<Double> value(AggregationMethod method, ResultSet row)
      throws SQLException {
    long numbers = row.getLong(11);
    if (!method.isCount() && numbers == 0) {
      return Optional.empty();
    }
    return Optional.of(
        switch (method) {
          case TOTAL_COUNT -> (double) row.getLong(5);
          case DISTINCT_COUNT -> (double) row.getLong(6);
          case SUM -> row.getDouble(7);
          case AVG -> row.getDouble(7) / numbers;
          case MIN -> row.getDouble(8);
          case MAX -> row.getDouble(9);
          case SUMSQ -> row.getDouble(10);
          case STDDEV -> {
            double mean = row.getDouble(7) / numbers;
            yield Math.sqrt(Math.max(0, row.getDouble(10) / numbers - mean * mean));
          }
        });
  }

  private static long minimumTime(Connection connection, String t, Sql where) throws SQLException {
    Sql select = new Sql().append("SELECT min(" + t + ") FROM temporal_instance i").append(where);
    try (PreparedStatement statement = select.prepare(connection);
        ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  @Override
  public CompletableFuture<Boolean> modifyInstance(
      String tenant,
      String entityId,
      String attribute,
      String instanceId,
      Attribute replacement,
      Instant now) {
    Optional<Long> pk = TemporalRows.instancePk(instanceId);
    if (pk.isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    return entities.writeDirect(
        (connection, statements) -> {
          PreparedStatement select =
              statements.prepare(
                  "SELECT i.entity_pk, i.observed_at FROM temporal_instance i JOIN temporal_entity"
                      + " e ON e.pk = i.entity_pk WHERE i.pk = ? AND i.attribute = ? AND e.tenant"
                      + " = ? AND e.id = ?");
          select.setLong(1, pk.get());
          select.setString(2, attribute);
          select.setString(3, tenant);
          select.setString(4, entityId);
          long entityPk;
          Optional<Long> observedBefore;
          try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
              return false;
            }
            entityPk = row.getLong(1);
            long observed = row.getLong(2);
            observedBefore = row.wasNull() ? Optional.empty() : Optional.of(observed);
          }
          PreparedStatement update =
              statements.prepare(
                  "UPDATE temporal_instance SET dataset_id = ?, kind = ?, value = ?, number = ?,"
                      + " doc = ?, observed_at = ?, modified_at = ? WHERE pk = ?");
          TemporalRows.bindInstance(update, 1, replacement);
          update.setLong(7, now.toEpochMilli());
          update.setLong(8, pk.get());
          update.executeUpdate();
          if (observedBefore.isPresent()) {
            TemporalRollup.recompute(statements, entityPk, attribute, observedBefore.get());
          }
          if (replacement.observedAt() != null) {
            TemporalRollup.recompute(
                statements, entityPk, attribute, replacement.observedAt().toEpochMilli());
          }
          return true;
        });
  }

  @Override
  public CompletableFuture<Boolean> deleteInstance(
      String tenant, String entityId, String attribute, String instanceId) {
    Optional<Long> pk = TemporalRows.instancePk(instanceId);
    if (pk.isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    return entities.writeDirect(
        (connection, statements) -> {
          PreparedStatement delete =
              statements.prepare(
                  "DELETE FROM temporal_instance WHERE pk = ? AND attribute = ? AND entity_pk ="
                      + " (SELECT pk FROM temporal_entity WHERE tenant = ? AND id = ?)"
                      + " RETURNING entity_pk, observed_at");
          delete.setLong(1, pk.get());
          delete.setString(2, attribute);
          delete.setString(3, tenant);
          delete.setString(4, entityId);
          try (ResultSet row = delete.executeQuery()) {
            if (!row.next()) {
              return false;
            }
            long entityPk = row.getLong(1);
            long observed = row.getLong(2);
            if (!row.wasNull()) {
              TemporalRollup.recompute(statements, entityPk, attribute, observed);
            }
            return true;
          }
        });
  }

  @Override
  public CompletableFuture<Boolean> deleteAttribute(
      String tenant, String entityId, String attribute) {
    return entities.writeDirect(
        (connection, statements) -> {
          OptionalLong entityPk = TemporalRows.entityPk(statements, tenant, entityId);
          if (entityPk.isEmpty()) {
            return false;
          }
          PreparedStatement delete =
              statements.prepare(
                  "DELETE FROM temporal_instance WHERE entity_pk = ? AND attribute = ?");
          delete.setLong(1, entityPk.getAsLong());
          delete.setString(2, attribute);
          boolean deleted = delete.executeUpdate() > 0;
          TemporalRollup.deleteAttribute(statements, entityPk.getAsLong(), attribute);
          return deleted;
        });
  }

  @Override
  public CompletableFuture<Boolean> deleteEntity(String tenant, String entityId) {
    return entities.writeDirect(
        (connection, statements) -> {
          PreparedStatement delete =
              statements.prepare("DELETE FROM temporal_entity WHERE tenant = ? AND id = ?");
          delete.setString(1, tenant);
          delete.setString(2, entityId);
          return delete.executeUpdate() > 0;
        });
  }

  @Override
  public Set<String> tenants() {
    Set<String> tenants = new TreeSet<>();
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT DISTINCT tenant FROM temporal_entity");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        tenants.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw failed("listing temporal tenants", e);
    }
    return tenants;
  }

  @Override
  public CompletableFuture<Long> prune(String tenant, Instant before, int maxRows) {
    return entities.writeDirect(
        (connection, statements) -> {
          // Oldest rows first (lowest keys): a batch finds its rows early in the scan.
          PreparedStatement delete =
              statements.prepare(
                  "DELETE FROM temporal_instance WHERE pk IN (SELECT i.pk FROM temporal_instance i"
                      + " JOIN temporal_entity e ON e.pk = i.entity_pk WHERE e.tenant = ? AND"
                      + " coalesce(i.observed_at, i.modified_at) < ? ORDER BY i.pk LIMIT ?)"
                      + " RETURNING entity_pk, attribute, observed_at");
          delete.setString(1, tenant);
          delete.setLong(2, before.toEpochMilli());
          delete.setInt(3, maxRows);
          long deleted = 0;
          Set<TemporalRollup.Span> spans = new LinkedHashSet<>();
          try (ResultSet rows = delete.executeQuery()) {
            while (rows.next()) {
              deleted++;
              long observed = rows.getLong(3);
              if (!rows.wasNull()) {
                spans.addAll(TemporalRollup.spansOf(rows.getLong(1), rows.getString(2), observed));
              }
            }
          }
          for (TemporalRollup.Span span : spans) {
            TemporalRollup.recompute(statements, span);
          }
          return deleted;
        });
  }

  @Override
  public CompletableFuture<Long> maintainPartitions(Instant now, Optional<Instant> dropBefore) {
    if (!dialect.partitionsTemporalInstances()) {
      return CompletableFuture.completedFuture(0L);
    }
    return entities.writeDirect(
        (connection, statements) -> {
          TemporalPartitions.create(statements, now, MONTHS_AHEAD);
          return dropBefore.isPresent()
              ? TemporalPartitions.dropBefore(statements, dropBefore.get())
              : 0L;
        });
  }

  private static RuntimeException failed(String what, SQLException e) {
    return ReadFailures.translate(what, e);
  }
}
