package org.sundwerk.access.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.db.AccessDatabase;

/**
 * The audit log in {@code access_audit}. {@link #recordAll} writes a batch in one transaction: the
 * app should buffer events and flush them together, since on SQLite each commit is a sync to disk.
 * Thread-safe.
 */
public final class AuditLog {

  private final AccessDatabase database;
  private final Clock clock;

  public AuditLog(AccessDatabase database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public void record(AuditEvent event) {
    recordAll(List.of(event));
  }

  public void recordAll(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    database.inTransaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO access_audit (at, tenant, actor, action, target, source)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (AuditEvent event : events) {
              insert.setLong(1, event.at().toEpochMilli());
              insert.setString(2, event.tenant().name());
              insert.setString(3, event.actor());
              insert.setString(4, event.action());
              insert.setString(5, event.target());
              insert.setString(6, event.source());
              insert.addBatch();
            }
            return insert.executeBatch();
          }
        });
  }

  /**
   * The events of {@code tenant} in {@code [from, to)}, newest first, at most {@code limit}
   * (millisecond precision).
   */
  public List<AuditEvent> query(TenantId tenant, Instant from, Instant to, int limit) {
    return database.run(
        connection -> {
          List<AuditEvent> events = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT at, actor, action, target, source FROM access_audit"
                      + " WHERE tenant = ? AND at >= ? AND at < ? ORDER BY at DESC, id DESC"
                      + " LIMIT ?")) {
            select.setString(1, tenant.name());
            select.setLong(2, from.toEpochMilli());
            select.setLong(3, to.toEpochMilli());
            select.setInt(4, limit);
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                events.add(
                    new AuditEvent(
                        Instant.ofEpochMilli(row.getLong(1)),
                        row.getString(2),
                        tenant,
                        row.getString(3),
                        row.getString(4),
                        row.getString(5)));
              }
            }
          }
          return events;
        });
  }

  /**
   * The events of every tenant made by {@code account} (signed in, or through one of its keys) or
   * aimed at it, newest first, at most {@code limit}: what a GDPR export of the account lists.
   */
  public List<AuditEvent> about(AccountId account, int limit) {
    String principal = "account:" + account.value();
    return database.run(
        connection -> {
          List<AuditEvent> events = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT at, tenant, actor, action, target, source FROM access_audit"
                      + " WHERE actor = ? OR actor LIKE ? ESCAPE '!' OR target = ?"
                      + " ORDER BY at DESC, id DESC LIMIT ?")) {
            select.setString(1, principal);
            select.setString(2, "key:% of " + likeLiteral(principal));
            select.setString(3, account.value());
            select.setInt(4, limit);
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                events.add(
                    new AuditEvent(
                        Instant.ofEpochMilli(row.getLong(1)),
                        row.getString(3),
                        TenantId.of(row.getString(2)),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6)));
              }
            }
          }
          return events;
        });
  }

  private static String likeLiteral(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /** Deletes events older than {@code retention} before now; returns how many. */
  public int prune(Duration retention) {
    long cutoff = clock.instant().minus(retention).toEpochMilli();
    return database.update("DELETE FROM access_audit WHERE at < ?", cutoff);
  }
}
