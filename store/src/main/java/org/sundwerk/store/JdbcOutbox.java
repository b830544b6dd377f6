package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sundwerk.broker.subscription.Outbox;
import org.sundwerk.broker.subscription.OutboxMessage;
import org.sundwerk.broker.subscription.Trigger;

/**
 * The {@link Outbox} in the {@code outbox} table, which {@link OutboxRecorder} fills inside entity
 * write transactions. On a database of one node (SQLite) reading fresh messages is a plain read
 * past the notifier's id cursor on a pooled connection. On a database several nodes share
 * (PostgreSQL), writers commit ids out of order and every node drains the table, so a fresh message
 * is claimed instead: one statement sets its {@code retry_at} to the lease end, choosing rows with
 * {@code FOR UPDATE SKIP LOCKED}, which makes it a retry that no other node claims before the lease
 * ends. Settling and claiming retries is one short write transaction, which on SQLite waits for the
 * entity writer's lock and on PostgreSQL skips rows other nodes are claiming. Thread-safe.
 */
public final class JdbcOutbox implements Outbox {

  /** Ids per statement, well under SQLite's parameter limit. */
  private static final int CHUNK = 500;

  private static final String COLUMNS =
      "id, tenant, subscription_id, trigger, before_doc, after_doc, changed_at, attempts";

  private final StoreDatabase database;
  private final SqlDialect dialect;

  public JdbcOutbox(StoreDatabase database) {
    this.database = database;
    this.dialect = database.dialect();
  }

  @Override
  public List<OutboxMessage> fresh(long afterId, int max, Instant leaseUntil) {
    if (max <= 0) {
      return List.of();
    }
    Sql select =
        dialect.sharedByNodes()
            ? new Sql()
                .append("UPDATE outbox SET retry_at = ")
                .param(leaseUntil.toEpochMilli())
                .append(" WHERE id IN (SELECT id FROM outbox WHERE retry_at IS NULL ORDER BY id")
                .append(" LIMIT ")
                .param(max)
                .append(dialect.forUpdateSkipLocked())
                .append(") RETURNING " + COLUMNS)
            : new Sql()
                .append("SELECT " + COLUMNS + " FROM outbox WHERE id > ")
                .param(afterId)
                .append(" AND retry_at IS NULL ORDER BY id LIMIT ")
                .param(max);
    try (Connection connection = database.readPool().getConnection()) {
      List<OutboxMessage> messages = select(connection, select);
      // RETURNING has no order.
      messages.sort(Comparator.comparingLong(OutboxMessage::id));
      return messages;
    } catch (SQLException e) {
      throw new IllegalStateException("reading notifications failed", e);
    }
  }

  @Override
  public List<OutboxMessage> settleAndClaimRetries(
      Settlement settlement, int max, Instant now, Instant leaseUntil) {
    Sql due =
        new Sql()
            .append("SELECT " + COLUMNS + " FROM outbox WHERE retry_at <= ")
            .param(now.toEpochMilli())
            .append(" ORDER BY id LIMIT ")
            .param(Math.max(max, 0))
            .append(dialect.forUpdateSkipLocked());
    try (Connection connection = database.readPool().getConnection()) {
      if (settlement.isEmpty() && (max <= 0 || select(connection, due).isEmpty())) {
        return List.of();
      }
      dialect.begin(connection);
      try {
        settle(connection, settlement);
        List<OutboxMessage> claimed = max <= 0 ? List.of() : select(connection, due);
        byIds(
            connection,
            "UPDATE outbox SET retry_at = ? WHERE id IN ",
            claimed.stream().map(OutboxMessage::id).toList(),
            List.of(leaseUntil.toEpochMilli()));
        dialect.commit(connection);
        return claimed;
      } catch (SQLException | RuntimeException e) {
        dialect.rollback(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("settling notifications failed", e);
    }
  }

  private static void settle(Connection connection, Settlement settlement) throws SQLException {
    byIds(connection, "DELETE FROM outbox WHERE id IN ", settlement.delivered(), List.of());
    for (Retry retry : settlement.retries()) {
      byIds(
          connection,
          "UPDATE outbox SET attempts = attempts + 1, retry_at = ?, last_error = ? WHERE id IN ",
          retry.ids(),
          List.of(retry.next().toEpochMilli(), retry.error()));
    }
    for (Postponed postponed : settlement.postponed()) {
      byIds(
          connection,
          "UPDATE outbox SET retry_at = ? WHERE id IN ",
          postponed.ids(),
          List.of(postponed.next().toEpochMilli()));
    }
    // In one order on every node: two settlements updating the same subscriptions wait for each
    // other instead of deadlocking.
    List<Deliveries> deliveries = new ArrayList<>(settlement.deliveries());
    deliveries.sort(
        Comparator.comparing(Deliveries::tenant).thenComparing(Deliveries::subscriptionId));
    for (Deliveries d : deliveries) {
      JdbcSubscriptionStore.recordDeliveries(
          connection,
          d.tenant(),
          d.subscriptionId(),
          d.sent(),
          d.failed(),
          d.lastSuccess(),
          d.lastFailure());
    }
  }

  private static List<OutboxMessage> select(Connection connection, Sql select) throws SQLException {
    List<OutboxMessage> messages = new ArrayList<>();
    try (PreparedStatement statement = select.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        messages.add(
            new OutboxMessage(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                Trigger.valueOf(rows.getString(4)),
                Optional.ofNullable(rows.getString(5)).map(StoredEntityCodec::decode),
                Optional.ofNullable(rows.getString(6)).map(StoredEntityCodec::decode),
                Instant.ofEpochMilli(rows.getLong(7)),
                rows.getInt(8)));
      }
    }
    return messages;
  }

  @Override
  public void renewClaims(List<Long> ids, Instant leaseUntil) {
    try (Connection connection = database.readPool().getConnection()) {
      byIds(
          connection,
          "UPDATE outbox SET retry_at = ? WHERE retry_at IS NOT NULL AND id IN ",
          ids,
          List.of(leaseUntil.toEpochMilli()));
    } catch (SQLException e) {
      throw new IllegalStateException("renewing notification claims failed", e);
    }
  }

  @Override
  public void releaseClaims(Instant now) {
    if (dialect.sharedByNodes()) {
      return;
    }
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "UPDATE outbox SET retry_at = ? WHERE retry_at IS NOT NULL AND retry_at > ?")) {
      statement.setLong(1, now.toEpochMilli());
      statement.setLong(2, now.toEpochMilli());
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("releasing notification claims failed", e);
    }
  }

  @Override
  public long pending() {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM outbox");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("counting notifications failed", e);
    }
  }

  /**
   * Runs {@code sql + "(?, ...)"} for the ids in chunks; {@code sql}'s own placeholders take the
   * {@code leading} values, in order, before the ids.
   */
  private static void byIds(Connection connection, String sql, List<Long> ids, List<Object> leading)
      throws SQLException {
    String[] parts = sql.split("\\?", -1);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
      Sql statement = new Sql();
      for (int i = 0; i < leading.size(); i++) {
        statement.append(parts[i]).param(leading.get(i));
      }
      statement.append(parts[leading.size()]).params(chunk);
      try (PreparedStatement prepared = statement.prepare(connection)) {
        prepared.executeUpdate();
      }
    }
  }
}
