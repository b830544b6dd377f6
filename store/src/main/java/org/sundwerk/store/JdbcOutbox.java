package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sundwerk.broker.subscription.Outbox;
import org.sundwerk.broker.subscription.OutboxMessage;
import org.sundwerk.broker.subscription.Trigger;

/**
 * The {@link Outbox} in the {@code outbox} table, which {@link OutboxRecorder} fills inside entity
 * write transactions. A poll with nothing to settle and nothing due only reads; otherwise settling
 * and claiming are one write transaction. The claim flag serves the one notifier of this database;
 * a scale-out backend would claim with {@code FOR UPDATE SKIP LOCKED} and a lease instead.
 * Thread-safe.
 */
public final class JdbcOutbox implements Outbox {

  /** Ids per statement, well under SQLite's parameter limit. */
  private static final int CHUNK = 500;

  private final StoreDatabase database;
  private final SqlDialect dialect;

  public JdbcOutbox(StoreDatabase database) {
    this.database = database;
    this.dialect = database.dialect();
  }

  @Override
  public List<OutboxMessage> settleAndClaim(
      Settlement settlement, int max, Instant now, Collection<String> skipSubscriptions) {
    try (Connection connection = database.readPool().getConnection()) {
      if (settlement.isEmpty()) {
        // The idle poll: a read that takes no lock the entity writer could wait for.
        List<OutboxMessage> due = select(connection, max, now, skipSubscriptions);
        if (due.isEmpty()) {
          return due;
        }
      }
      dialect.begin(connection);
      try {
        settle(connection, settlement);
        List<OutboxMessage> claimed = select(connection, max, now, skipSubscriptions);
        byIds(
            connection,
            "UPDATE outbox SET claimed = 1 WHERE id IN ",
            claimed.stream().map(OutboxMessage::id).toList(),
            List.of());
        dialect.commit(connection);
        return claimed;
      } catch (SQLException | RuntimeException e) {
        dialect.rollback(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("settling and claiming notifications failed", e);
    }
  }

  private static void settle(Connection connection, Settlement settlement) throws SQLException {
    byIds(connection, "DELETE FROM outbox WHERE id IN ", settlement.delivered(), List.of());
    for (Retry retry : settlement.retries()) {
      byIds(
          connection,
          "UPDATE outbox SET claimed = 0, attempts = attempts + 1, next_attempt_at = ?,"
              + " last_error = ? WHERE id IN ",
          retry.ids(),
          List.of(retry.next().toEpochMilli(), retry.error()));
    }
    for (Postponed postponed : settlement.postponed()) {
      byIds(
          connection,
          "UPDATE outbox SET claimed = 0, next_attempt_at = ? WHERE id IN ",
          postponed.ids(),
          List.of(postponed.next().toEpochMilli()));
    }
    for (Deliveries d : settlement.deliveries()) {
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

  private static List<OutboxMessage> select(
      Connection connection, int max, Instant now, Collection<String> skipSubscriptions)
      throws SQLException {
    List<OutboxMessage> messages = new ArrayList<>();
    if (max <= 0) {
      return messages;
    }
    Sql select =
        new Sql()
            .append(
                "SELECT id, tenant, subscription_id, trigger, before_doc, after_doc, changed_at,"
                    + " attempts FROM outbox WHERE claimed = 0 AND next_attempt_at <= ")
            .param(now.toEpochMilli());
    if (!skipSubscriptions.isEmpty()) {
      select.append(" AND subscription_id NOT IN ").params(List.copyOf(skipSubscriptions));
    }
    select.append(" ORDER BY id LIMIT ").param(max);
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
  public void releaseClaims() {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement statement =
            connection.prepareStatement("UPDATE outbox SET claimed = 0 WHERE claimed = 1")) {
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
