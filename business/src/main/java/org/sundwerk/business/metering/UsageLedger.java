package org.sundwerk.business.metering;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.Statements;
import org.sundwerk.business.offer.BusinessModel.Unit;
import org.sundwerk.business.offer.OrderId;

/**
 * The usage ledger of every tenant (table {@code business_metering_usage}).
 *
 * <p>Contract: an event is durable when {@link #record} or {@link #recordAll} returns (one
 * committed transaction); the primary key {@code (tenant, idempotency_key)} makes a replayed event
 * a no-op, also when two nodes record it at once. An event belongs to the calendar month of its
 * {@code occurredAt} in Stralsund's time zone, whenever it arrives: a late event lands in its own
 * month, and {@link #recordedAfter} tells billing which events arrived after it closed that month.
 * Thread-safe.
 */
public final class UsageLedger {

  /** Billing months are Stralsund's months. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static final String INSERT =
      "INSERT INTO business_metering_usage (tenant, idempotency_key, order_id, unit, quantity,"
          + " occurred_at, period, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (tenant, idempotency_key) DO NOTHING";

  private final BusinessDatabase database;
  private final Clock clock;

  public UsageLedger(BusinessDatabase database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    database.migrate("metering");
  }

  /** The billing month {@code instant} falls in. */
  public static YearMonth periodOf(Instant instant) {
    return YearMonth.from(instant.atZone(ZONE));
  }

  /** Records one event; {@code true} if it is new, {@code false} if its key was recorded before. */
  public boolean record(UsageEvent event) {
    return recordAll(List.of(event)) == 1;
  }

  /**
   * Records {@code events} in one transaction (one JDBC batch); returns how many were new. Either
   * all are durable or, on an exception, none.
   */
  public int recordAll(Collection<UsageEvent> events) {
    if (events.isEmpty()) {
      return 0;
    }
    long recordedAt = clock.millis();
    return database.inTransaction(
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (UsageEvent event : events) {
              insert.setString(1, event.tenant().name());
              insert.setString(2, event.idempotencyKey());
              insert.setString(3, event.order().value());
              insert.setString(4, event.unit().name());
              insert.setLong(5, event.quantity());
              insert.setLong(6, event.occurredAt().toEpochMilli());
              insert.setString(7, periodOf(event.occurredAt()).toString());
              insert.setLong(8, recordedAt);
              insert.addBatch();
            }
            int added = 0;
            for (int count : insert.executeBatch()) {
              // A driver that rewrites batches (PostgreSQL's reWriteBatchedInserts) answers
              // SUCCESS_NO_INFO and would hide which events were replays: not for this ledger.
              if (count == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("the usage ledger needs exact batch counts");
              }
              added += count;
            }
            return added;
          }
        });
  }

  /** The usage of every order of {@code tenant} in {@code period}, per order and unit. */
  public List<UsageTotal> totals(TenantId tenant, YearMonth period) {
    return read(
        "SELECT order_id, unit, SUM(quantity) FROM business_metering_usage"
            + " WHERE tenant = ? AND period = ? GROUP BY order_id, unit ORDER BY order_id, unit",
        tenant.name(),
        period.toString());
  }

  /** What {@code order} used of {@code unit} in {@code period}; 0 if nothing. */
  public long used(TenantId tenant, OrderId order, Unit unit, YearMonth period) {
    return database.run(
        connection -> {
          try (PreparedStatement select =
                  Statements.prepare(
                      connection,
                      "SELECT COALESCE(SUM(quantity), 0) FROM business_metering_usage"
                          + " WHERE tenant = ? AND period = ? AND order_id = ? AND unit = ?",
                      tenant.name(),
                      period.toString(),
                      order.value(),
                      unit.name());
              ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  /**
   * The usage of {@code period} that was recorded after {@code closedAt}: what arrived late for a
   * month billing had already closed, per order and unit.
   */
  public List<UsageTotal> recordedAfter(TenantId tenant, YearMonth period, Instant closedAt) {
    return read(
        "SELECT order_id, unit, SUM(quantity) FROM business_metering_usage"
            + " WHERE tenant = ? AND period = ? AND recorded_at > ?"
            + " GROUP BY order_id, unit ORDER BY order_id, unit",
        tenant.name(),
        period.toString(),
        closedAt);
  }

  private List<UsageTotal> read(String sql, Object... parameters) {
    return database.run(
        connection -> {
          List<UsageTotal> totals = new ArrayList<>();
          try (PreparedStatement select = Statements.prepare(connection, sql, parameters);
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              totals.add(
                  new UsageTotal(
                      new OrderId(rows.getString(1)),
                      Unit.valueOf(rows.getString(2)),
                      rows.getLong(3)));
            }
          }
          return totals;
        });
  }
}
