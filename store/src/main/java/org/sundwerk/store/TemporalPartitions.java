package org.sundwerk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The monthly partitions of {@code temporal_instance} on PostgreSQL (migration V7_1): a month (UTC)
 * of {@code coalesce(observed_at, modified_at)} per partition {@code temporal_instance_pYYYYMM},
 * and a DEFAULT partition for the months without one. Runs on the writer connection only, in the
 * writer's transaction: partition DDL is transactional there.
 */
final class TemporalPartitions {

  private static final String DEFAULT = "temporal_instance_default";
  private static final String PREFIX = "temporal_instance_p";
  private static final String TIME = "coalesce(observed_at, modified_at)";

  private TemporalPartitions() {}

  /**
   * Creates the partitions of the months from {@code now}'s up to {@code monthsAhead} months after
   * it, and of every earlier month with rows in the DEFAULT partition, moving those rows.
   */
  static void create(StatementCache statements, Instant now, int monthsAhead) throws SQLException {
    TreeSet<YearMonth> months = new TreeSet<>(strayMonths(statements));
    YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
    for (int i = 0; i <= monthsAhead; i++) {
      months.add(current.plusMonths(i));
    }
    months.removeAll(existing(statements));
    for (YearMonth month : months) {
      createMonth(statements, month);
    }
  }

  /**
   * Drops the partitions of the months that end at or before {@code before}, with their rollup
   * rows; returns the number of instances dropped. Rows in the DEFAULT partition are not touched.
   */
  static long dropBefore(StatementCache statements, Instant before) throws SQLException {
    long dropped = 0;
    for (YearMonth month : existing(statements)) {
      if (end(month) > before.toEpochMilli()) {
        continue;
      }
      try (Statement statement = statements.connection().createStatement();
          ResultSet count = statement.executeQuery("SELECT count(*) FROM " + name(month))) {
        count.next();
        dropped += count.getLong(1);
        statement.execute("DROP TABLE " + name(month));
      }
      // Months are whole days and hours, so the rollup rows of the month counted only its rows.
      PreparedStatement rollup =
          statements.prepare(
              "DELETE FROM temporal_rollup WHERE span_start >= ? AND span_start < ?");
      rollup.setLong(1, start(month));
      rollup.setLong(2, end(month));
      rollup.executeUpdate();
    }
    return dropped;
  }

  /** The months that have a partition, oldest first. */
  static List<YearMonth> existing(StatementCache statements) throws SQLException {
    PreparedStatement select =
        statements.prepare(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'temporal_instance'::regclass AND c.relname LIKE ?");
    select.setString(1, PREFIX + "%");
    TreeSet<YearMonth> months = new TreeSet<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String digits = rows.getString(1).substring(PREFIX.length());
        months.add(
            YearMonth.of(
                Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4))));
      }
    }
    return new ArrayList<>(months);
  }

  private static List<YearMonth> strayMonths(StatementCache statements) throws SQLException {
    PreparedStatement select =
        statements.prepare(
            "SELECT DISTINCT to_char(to_timestamp(("
                + TIME
                + ") / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM') FROM "
                + DEFAULT);
    List<YearMonth> months = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        months.add(YearMonth.parse(rows.getString(1)));
      }
    }
    return months;
  }

  /**
   * Creates the month's partition as a plain table, moves the month's rows from the DEFAULT
   * partition into it and attaches it (attaching checks that DEFAULT holds none of its rows).
   */
  private static void createMonth(StatementCache statements, YearMonth month) throws SQLException {
    String name = name(month);
    String range = TIME + " >= " + start(month) + " AND " + TIME + " < " + end(month);
    try (Statement statement = statements.connection().createStatement()) {
      statement.execute("CREATE TABLE " + name + " (LIKE temporal_instance)");
      statement.execute("INSERT INTO " + name + " SELECT * FROM " + DEFAULT + " WHERE " + range);
      statement.execute("DELETE FROM " + DEFAULT + " WHERE " + range);
      statement.execute(
          "ALTER TABLE temporal_instance ATTACH PARTITION "
              + name
              + " FOR VALUES FROM ("
              + start(month)
              + ") TO ("
              + end(month)
              + ")");
    }
  }

  private static String name(YearMonth month) {
    return PREFIX + String.format("%04d%02d", month.getYear(), month.getMonthValue());
  }

  private static long start(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static long end(YearMonth month) {
    return start(month.plusMonths(1));
  }
}
