package org.sundwerk.business.offer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.ApiKeyId;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.Statements;

/**
 * The orders of every tenant (table {@code business_offer_orders}, migrated with the offers). It
 * stores what {@link Ordering} decides; the rules live there. Thread-safe; each call is one
 * statement.
 */
public final class Orders {

  private static final String SELECT =
      "SELECT r.id, r.tenant, r.offer_id, r.price_version, r.consumer, r.acting_for,"
          + " r.terms_version, r.consented_at, r.start_at, r.period_end, r.cancel_requested_at,"
          + " r.cancel_effective_at, r.status, r.api_key FROM business_offer_orders r";

  private final BusinessDatabase database;

  public Orders(BusinessDatabase database) {
    this.database = Objects.requireNonNull(database, "database");
    database.migrate("offer");
  }

  /** Stores a new, uncancelled order. */
  public void add(Order order) {
    database.update(
        "INSERT INTO business_offer_orders (tenant, id, offer_id, price_version, consumer,"
            + " acting_for, terms_version, consented_at, start_at, period_end, status, api_key)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        order.tenant().name(),
        order.id().value(),
        order.offer().value(),
        order.priceVersion(),
        order.consumer().value(),
        order.actingFor().map(PartnerId::value).orElse(null),
        order.consent().termsVersion(),
        order.consent().at(),
        order.start(),
        order.periodEnd(),
        order.status().name(),
        order.key().map(ApiKeyId::value).orElse(null));
  }

  public Optional<Order> find(TenantId tenant, OrderId id) {
    return read(SELECT + " WHERE r.tenant = ? AND r.id = ?", tenant.name(), id.value()).stream()
        .findFirst();
  }

  /** The orders {@code consumer} placed in {@code tenant}, newest first. */
  public List<Order> ofConsumer(TenantId tenant, AccountId consumer) {
    return read(
        SELECT + " WHERE r.tenant = ? AND r.consumer = ? ORDER BY r.start_at DESC, r.id",
        tenant.name(),
        consumer.value());
  }

  /** The orders placed on offers of {@code provider}, newest first. */
  public List<Order> ofProvider(TenantId tenant, PartnerId provider) {
    return read(
        SELECT
            + " JOIN business_offer_offers o ON o.tenant = r.tenant AND o.id = r.offer_id"
            + " WHERE r.tenant = ? AND o.provider = ? ORDER BY r.start_at DESC, r.id",
        tenant.name(),
        provider.value());
  }

  /** Every order of {@code tenant}, newest first. */
  public List<Order> all(TenantId tenant) {
    return read(SELECT + " WHERE r.tenant = ? ORDER BY r.start_at DESC, r.id", tenant.name());
  }

  /**
   * Orders of every tenant that have a step due at {@code now}: a cancellation that takes effect or
   * a period that ends.
   */
  public List<Order> due(Instant now) {
    return read(
        SELECT
            + " WHERE (r.status = 'CANCELLED_PENDING' AND r.cancel_effective_at <= ?)"
            + " OR (r.status = 'ACTIVE' AND r.period_end <= ?) ORDER BY r.tenant, r.id",
        now,
        now);
  }

  /**
   * Records the cancellation of an active order and its new status; false if the order is not
   * active any more (a concurrent cancellation won).
   */
  boolean cancel(Order order, Order.Cancellation cancellation, OrderStatus status) {
    return database.update(
            "UPDATE business_offer_orders SET cancel_requested_at = ?, cancel_effective_at = ?,"
                + " status = ? WHERE tenant = ? AND id = ? AND status = 'ACTIVE'",
            cancellation.requestedAt(),
            cancellation.effectiveAt(),
            status.name(),
            order.tenant().name(),
            order.id().value())
        > 0;
  }

  /** Ends a pending order; false if it is not pending any more. */
  boolean end(Order order) {
    return database.update(
            "UPDATE business_offer_orders SET status = 'ENDED'"
                + " WHERE tenant = ? AND id = ? AND status = 'CANCELLED_PENDING'",
            order.tenant().name(),
            order.id().value())
        > 0;
  }

  /** Moves the period end of an active order to {@code periodEnd} (a renewal). */
  boolean renew(Order order, Instant periodEnd) {
    return database.update(
            "UPDATE business_offer_orders SET period_end = ?"
                + " WHERE tenant = ? AND id = ? AND status = 'ACTIVE' AND period_end = ?",
            periodEnd,
            order.tenant().name(),
            order.id().value(),
            order.periodEnd())
        > 0;
  }

  private List<Order> read(String sql, Object... parameters) {
    return database.run(
        connection -> {
          List<Order> orders = new ArrayList<>();
          try (PreparedStatement select = Statements.prepare(connection, sql, parameters);
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              orders.add(order(row));
            }
          }
          return orders;
        });
  }

  private static Order order(ResultSet row) throws SQLException {
    Optional<Instant> requested = instant(row, 11);
    Optional<Instant> effective = instant(row, 12);
    return new Order(
        new OrderId(row.getString(1)),
        TenantId.of(row.getString(2)),
        new OfferId(row.getString(3)),
        row.getInt(4),
        new AccountId(row.getString(5)),
        Optional.ofNullable(row.getString(6)).map(PartnerId::new),
        new Order.Consent(row.getInt(7), Instant.ofEpochMilli(row.getLong(8))),
        Instant.ofEpochMilli(row.getLong(9)),
        Instant.ofEpochMilli(row.getLong(10)),
        requested.map(at -> new Order.Cancellation(at, effective.orElseThrow())),
        OrderStatus.valueOf(row.getString(13)),
        Optional.ofNullable(row.getString(14)).map(ApiKeyId::new));
  }

  private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }
}
