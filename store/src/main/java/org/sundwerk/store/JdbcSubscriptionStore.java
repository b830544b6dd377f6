package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sundwerk.broker.subscription.DeliveryStatus;
import org.sundwerk.broker.subscription.Subscription;
import org.sundwerk.broker.subscription.SubscriptionJson;
import org.sundwerk.broker.subscription.SubscriptionOwner;
import org.sundwerk.broker.subscription.SubscriptionStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link SubscriptionStore} in the {@code subscription} table. Subscriptions are few and rarely
 * written, so each write is one auto-committed statement on a pooled connection (as in {@link
 * JdbcContextStore}), waiting for the entity writer's lock with the busy timeout. Thread-safe.
 */
public final class JdbcSubscriptionStore implements SubscriptionStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String COLUMNS =
      "tenant, doc, times_sent, times_failed, last_notification, last_success, last_failure,"
          + " owner_party, owner_principal";

  private final StoreDatabase database;

  public JdbcSubscriptionStore(StoreDatabase database) {
    this.database = database;
  }

  @Override
  public boolean create(String tenant, Subscription subscription) {
    return update(
        "INSERT INTO subscription (tenant, id, doc, owner_party, owner_principal)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant, id) DO NOTHING",
        tenant,
        subscription.id(),
        document(subscription),
        subscription.owner().map(SubscriptionOwner::party).orElse(null),
        subscription.owner().map(SubscriptionOwner::principal).orElse(null));
  }

  @Override
  public Optional<Subscription> find(String tenant, String id) {
    return select(
            "SELECT " + COLUMNS + " FROM subscription WHERE tenant = ? AND id = ?", tenant, id)
        .stream()
        .findFirst()
        .map(Row::subscription);
  }

  @Override
  public List<Subscription> list(String tenant, Optional<String> party, int limit, int offset) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM subscription WHERE tenant = ?"
            + (party.isPresent() ? " AND owner_party = ?" : "")
            + " ORDER BY pk LIMIT "
            + limit
            + " OFFSET "
            + offset;
    return (party.isPresent() ? select(sql, tenant, party.get()) : select(sql, tenant))
        .stream().map(Row::subscription).toList();
  }

  @Override
  public long count(String tenant, Optional<String> party) {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM subscription WHERE tenant = ?"
                    + (party.isPresent() ? " AND owner_party = ?" : ""))) {
      statement.setString(1, tenant);
      if (party.isPresent()) {
        statement.setString(2, party.get());
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("counting subscriptions failed", e);
    }
  }

  @Override
  public Map<String, List<Subscription>> all() {
    Map<String, List<Subscription>> all = new LinkedHashMap<>();
    for (Row row : select("SELECT " + COLUMNS + " FROM subscription ORDER BY pk")) {
      all.computeIfAbsent(row.tenant, t -> new ArrayList<>()).add(row.subscription());
    }
    return all;
  }

  @Override
  public boolean replace(String tenant, Subscription subscription) {
    return update(
        "UPDATE subscription SET doc = ? WHERE tenant = ? AND id = ?",
        document(subscription),
        tenant,
        subscription.id());
  }

  @Override
  public boolean delete(String tenant, String id) {
    try (Connection connection = database.readPool().getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement subscription =
              connection.prepareStatement("DELETE FROM subscription WHERE tenant = ? AND id = ?");
          PreparedStatement outbox =
              connection.prepareStatement(
                  "DELETE FROM outbox WHERE tenant = ? AND subscription_id = ?")) {
        subscription.setString(1, tenant);
        subscription.setString(2, id);
        outbox.setString(1, tenant);
        outbox.setString(2, id);
        boolean deleted = subscription.executeUpdate() > 0;
        outbox.executeUpdate();
        connection.commit();
        return deleted;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("deleting subscription " + id + " failed", e);
    }
  }

  @Override
  public void recordDeliveries(
      String tenant,
      String id,
      int sent,
      int failed,
      Optional<Instant> lastSuccess,
      Optional<Instant> lastFailure) {
    try (Connection connection = database.readPool().getConnection()) {
      recordDeliveries(connection, tenant, id, sent, failed, lastSuccess, lastFailure);
    } catch (SQLException e) {
      throw new IllegalStateException("recording deliveries failed", e);
    }
  }

  /** Adds to the status counters on {@code connection}, inside the caller's transaction if any. */
  static void recordDeliveries(
      Connection connection,
      String tenant,
      String id,
      int sent,
      int failed,
      Optional<Instant> lastSuccess,
      Optional<Instant> lastFailure)
      throws SQLException {
    // Times are fixed-width UTC strings, so text order is time order; a NULL parameter compares as
    // NULL and keeps the stored value. CASE rather than SQLite's two-argument max(): portable.
    String success = lastSuccess.map(StoredEntityCodec::format).orElse(null);
    String failure = lastFailure.map(StoredEntityCodec::format).orElse(null);
    String latest =
        success == null
            ? failure
            : failure == null || success.compareTo(failure) > 0 ? success : failure;
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE subscription SET times_sent = times_sent + ?, times_failed = times_failed + ?,"
                + " last_success = CASE WHEN ? > coalesce(last_success, '') THEN ?"
                + " ELSE last_success END,"
                + " last_failure = CASE WHEN ? > coalesce(last_failure, '') THEN ?"
                + " ELSE last_failure END,"
                + " last_notification = CASE WHEN ? > coalesce(last_notification, '') THEN ?"
                + " ELSE last_notification END"
                + " WHERE tenant = ? AND id = ?")) {
      statement.setInt(1, sent);
      statement.setInt(2, failed);
      statement.setString(3, success);
      statement.setString(4, success);
      statement.setString(5, failure);
      statement.setString(6, failure);
      statement.setString(7, latest);
      statement.setString(8, latest);
      statement.setString(9, tenant);
      statement.setString(10, id);
      statement.executeUpdate();
    }
  }

  private static String document(Subscription subscription) {
    return JSON.writeValueAsString(SubscriptionJson.stored(subscription));
  }

  private boolean update(String sql, Object... params) {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("writing subscriptions failed", e);
    }
  }

  private List<Row> select(String sql, String... params) {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setString(i + 1, params[i]);
      }
      List<Row> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(
              new Row(
                  result.getString(1),
                  result.getString(2),
                  new DeliveryStatus(
                      result.getLong(3),
                      result.getLong(4),
                      time(result.getString(5)),
                      time(result.getString(6)),
                      time(result.getString(7))),
                  owner(result.getString(8), result.getString(9))));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("reading subscriptions failed", e);
    }
  }

  private static Optional<Instant> time(String text) {
    return text == null || text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
  }

  private static Optional<SubscriptionOwner> owner(String party, String principal) {
    return party == null || principal == null
        ? Optional.empty()
        : Optional.of(new SubscriptionOwner(party, principal));
  }

  private record Row(
      String tenant, String doc, DeliveryStatus status, Optional<SubscriptionOwner> owner) {
    Subscription subscription() {
      return SubscriptionJson.fromStored(JSON.readTree(doc), status).withOwner(owner);
    }
  }
}
