package org.sundwerk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sundwerk.ngsild.model.Attribute;

/**
 * Maintains {@code temporal_rollup}, the partial aggregates of instances on observedAt per hour and
 * per UTC day (see the V7 migration). Additions are folded into the spans' rows incrementally;
 * changes and removals recompute the spans from {@code temporal_instance}, so minimum and maximum
 * stay exact. Runs on the writer connection only, inside the transaction that changes the
 * instances.
 */
final class TemporalRollup {

  static final long HOUR = 3_600_000L;
  static final long DAY = 86_400_000L;

  /** The lengths of the rollup's spans in milliseconds, longest first. */
  static final List<Long> SPANS = List.of(DAY, HOUR);

  private TemporalRollup() {}

  /** The start of the span of length {@code span} that contains {@code millis} (floored). */
  static long startOf(long millis, long span) {
    return millis - Math.floorMod(millis, span);
  }

  /** One row of the rollup: {@code attribute} of an entity in [start, start + span). */
  record Span(long entityPk, String attribute, long span, long start) {}

  /** The rows that count an instance of {@code attribute} observed at {@code t}. */
  static List<Span> spansOf(long entityPk, String attribute, long t) {
    return SPANS.stream()
        .map(span -> new Span(entityPk, attribute, span, startOf(t, span)))
        .toList();
  }

  /**
   * Instances added in one transaction, summed per span (and kind, so the database orders kinds
   * with its own collation, as the raw aggregation does) before they reach the table: a month of
   * quarter-hour values is one upsert per hour and day, not two per instance. Not thread-safe.
   */
  static final class Additions {

    private record Key(Span span, String kind) {}

    private static final class Partial {
      long instances;
      long numbers;
      double sum;
      double sumsq;
      double min = Double.NaN;
      double max = Double.NaN;
      long firstAt = Long.MAX_VALUE;
      long lastAt = Long.MIN_VALUE;
    }

    private final Map<Key, Partial> partials = new LinkedHashMap<>();

    /** Counts {@code instance} in when it has an observedAt; others are not rolled up. */
    void add(long entityPk, String attribute, Attribute instance) {
      if (instance.observedAt() == null) {
        return;
      }
      long t = instance.observedAt().toEpochMilli();
      for (Span span : spansOf(entityPk, attribute, t)) {
        add(
            partials.computeIfAbsent(new Key(span, instance.kind().name()), k -> new Partial()),
            t,
            instance);
      }
    }

    private static void add(Partial partial, long t, Attribute instance) {
      partial.instances++;
      partial.firstAt = Math.min(partial.firstAt, t);
      partial.lastAt = Math.max(partial.lastAt, t);
      if (instance.value().isNumber()) {
        // The same double the instance row stores in its number column.
        double number = instance.value().asDouble();
        partial.numbers++;
        partial.sum += number;
        partial.sumsq += number * number;
        partial.min = partial.numbers == 1 ? number : Math.min(partial.min, number);
        partial.max = partial.numbers == 1 ? number : Math.max(partial.max, number);
      }
    }

    /** Folds the counted instances into the table and forgets them. */
    void flush(StatementCache statements) throws SQLException {
      if (partials.isEmpty()) {
        return;
      }
      PreparedStatement upsert =
          statements.prepare(
              "INSERT INTO temporal_rollup (entity_pk, attribute, span, span_start, kind,"
                  + " instances, numbers, number_sum, number_min, number_max, number_sumsq,"
                  + " first_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (entity_pk, attribute, span, span_start) DO UPDATE SET"
                  + " kind = CASE WHEN excluded.kind < temporal_rollup.kind THEN excluded.kind"
                  + " ELSE temporal_rollup.kind END,"
                  + " instances = temporal_rollup.instances + excluded.instances,"
                  + " numbers = temporal_rollup.numbers + excluded.numbers,"
                  + " number_sum = temporal_rollup.number_sum + excluded.number_sum,"
                  + " number_min = CASE WHEN temporal_rollup.number_min IS NULL"
                  + " OR excluded.number_min < temporal_rollup.number_min THEN excluded.number_min"
                  + " ELSE temporal_rollup.number_min END,"
                  + " number_max = CASE WHEN temporal_rollup.number_max IS NULL"
                  + " OR excluded.number_max > temporal_rollup.number_max THEN excluded.number_max"
                  + " ELSE temporal_rollup.number_max END,"
                  + " number_sumsq = temporal_rollup.number_sumsq + excluded.number_sumsq,"
                  + " first_at = CASE WHEN excluded.first_at < temporal_rollup.first_at"
                  + " THEN excluded.first_at ELSE temporal_rollup.first_at END,"
                  + " last_at = CASE WHEN excluded.last_at > temporal_rollup.last_at"
                  + " THEN excluded.last_at ELSE temporal_rollup.last_at END");
      // A multi-row upsert (the PostgreSQL driver rewrites the batch into one) may not touch a row
      // twice, so rows of the same span with different kinds go into later rounds; usually there
      // is one round, one round trip for all spans.
      List<List<Map.Entry<Key, Partial>>> rounds = new ArrayList<>();
      Map<Span, Integer> seen = new HashMap<>();
      for (Map.Entry<Key, Partial> entry : partials.entrySet()) {
        int round = seen.merge(entry.getKey().span(), 1, Integer::sum) - 1;
        if (round == rounds.size()) {
          rounds.add(new ArrayList<>());
        }
        rounds.get(round).add(entry);
      }
      for (List<Map.Entry<Key, Partial>> round : rounds) {
        for (Map.Entry<Key, Partial> entry : round) {
          Span span = entry.getKey().span();
          Partial partial = entry.getValue();
          upsert.setLong(1, span.entityPk());
          upsert.setString(2, span.attribute());
          upsert.setLong(3, span.span());
          upsert.setLong(4, span.start());
          upsert.setString(5, entry.getKey().kind());
          upsert.setLong(6, partial.instances);
          upsert.setLong(7, partial.numbers);
          upsert.setDouble(8, partial.sum);
          setNumber(upsert, 9, partial.numbers, partial.min);
          setNumber(upsert, 10, partial.numbers, partial.max);
          upsert.setDouble(11, partial.sumsq);
          upsert.setLong(12, partial.firstAt);
          upsert.setLong(13, partial.lastAt);
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
      partials.clear();
    }

    private static void setNumber(PreparedStatement statement, int index, long numbers, double v)
        throws SQLException {
      if (numbers == 0) {
        statement.setNull(index, Types.DOUBLE);
      } else {
        statement.setDouble(index, v);
      }
    }
  }

  /** Recomputes every row that counts an instance of {@code attribute} observed at {@code t}. */
  static void recompute(StatementCache statements, long entityPk, String attribute, long t)
      throws SQLException {
    for (Span span : spansOf(entityPk, attribute, t)) {
      recompute(statements, span);
    }
  }

  /** Recomputes one row from the instances; the row goes away when none are left. */
  static void recompute(StatementCache statements, Span span) throws SQLException {
    PreparedStatement delete =
        statements.prepare(
            "DELETE FROM temporal_rollup WHERE entity_pk = ? AND attribute = ? AND span = ?"
                + " AND span_start = ?");
    delete.setLong(1, span.entityPk());
    delete.setString(2, span.attribute());
    delete.setLong(3, span.span());
    delete.setLong(4, span.start());
    delete.executeUpdate();
    PreparedStatement insert =
        statements.prepare(
            "INSERT INTO temporal_rollup (entity_pk, attribute, span, span_start, kind, instances,"
                + " numbers, number_sum, number_min, number_max, number_sumsq, first_at, last_at)"
                + " SELECT entity_pk, attribute, CAST(? AS BIGINT), CAST(? AS BIGINT), min(kind),"
                + " count(*), count(number), coalesce(sum(number), 0), min(number), max(number),"
                + " coalesce(sum(number * number), 0), min(observed_at), max(observed_at)"
                + " FROM temporal_instance WHERE entity_pk = ? AND attribute = ?"
                + " AND observed_at >= ? AND observed_at < ? GROUP BY entity_pk, attribute");
    insert.setLong(1, span.span());
    insert.setLong(2, span.start());
    insert.setLong(3, span.entityPk());
    insert.setString(4, span.attribute());
    insert.setLong(5, span.start());
    insert.setLong(6, span.start() + span.span());
    insert.executeUpdate();
  }

  /** Removes the rollup of one attribute of an entity, whose instances are all gone. */
  static void deleteAttribute(StatementCache statements, long entityPk, String attribute)
      throws SQLException {
    PreparedStatement delete =
        statements.prepare("DELETE FROM temporal_rollup WHERE entity_pk = ? AND attribute = ?");
    delete.setLong(1, entityPk);
    delete.setString(2, attribute);
    delete.executeUpdate();
  }
}
