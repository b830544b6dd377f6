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
 * write transactions. Each call is one short transaction on a pooled connection. The claim flag
 * serves the one notifier of this database; a scale-out backend would claim with {@code FOR UPDATE
 * SKIP LOCKED} and a lease instead. Thread-safe.
 */
public final class JdbcOutbox implements Outbox {

  /** Ids per statement, well under SQLite's parameter limit. */
  private static final int CHUNK = 500;

  private final StoreDatabase database;

  public JdbcOutbox(StoreDatabase database) {
    this.database = database;
  }

  @Override
  public List<OutboxMessage> claim(int max, Instant now, Collection<String> skipSubscriptions) {
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
    try (Connection connection = database.readPool().getConnection()) {
      List<OutboxMessage> messages = new ArrayList<>();
      // Reading first keeps the empty poll free of the write lock.
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
      if (!messages.isEmpty()) {
        byIds(connection, "UPDATE outbox SET claimed = 1 WHERE id IN ", ids(messages), List.of());
      }
      return messages;
    } catch (SQLException e) {
      throw new IllegalStateException("claiming notifications failed", e);
    }
  }

  @Override
  public void delivered(Collection<Long> ids) {
    run("DELETE FROM outbox WHERE id IN ", ids, List.of());
  }

  @Override
  public void retry(Collection<Long> ids, Instant next, String error) {
    run(
        "UPDATE outbox SET claimed = 0, attempts = attempts + 1, next_attempt_at = ?,"
            + " last_error = ? WHERE id IN ",
        ids,
        List.of(next.toEpochMilli(), error));
  }

  @Override
  public void postpone(Collection<Long> ids, Instant next) {
    run(
        "UPDATE outbox SET claimed = 0, next_attempt_at = ? WHERE id IN ",
        ids,
        List.of(next.toEpochMilli()));
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

  private void run(String sql, Collection<Long> ids, List<Object> leading) {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection connection = database.readPool().getConnection()) {
      connection.setAutoCommit(false);
      try {
        byIds(connection, sql, List.copyOf(ids), leading);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("updating notifications failed", e);
    }
  }

  /** Runs {@code sql + "(?, ...)"} for the ids in chunks, after the leading parameters. */
  private static void byIds(Connection connection, String sql, List<Long> ids, List<Object> leading)
      throws SQLException {
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
      Sql statement = new Sql();
      // The leading placeholders are part of sql; bind them in order before the ids.
      String[] parts = sql.split("\\?", -1);
      for (int i = 0; i < leading.size(); i++) {
        statement.append(parts[i]).param(leading.get(i));
      }
      statement.append(parts[leading.size()]).params(chunk);
      try (PreparedStatement prepared = statement.prepare(connection)) {
        prepared.executeUpdate();
      }
    }
  }

  private static List<Long> ids(List<OutboxMessage> messages) {
    return messages.stream().map(OutboxMessage::id).toList();
  }
}
