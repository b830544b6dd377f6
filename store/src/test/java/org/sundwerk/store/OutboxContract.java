package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.broker.subscription.Outbox;
import org.sundwerk.broker.subscription.OutboxMessage;
import org.sundwerk.broker.subscription.Trigger;

/**
 * The outbox and the subscription counters its settlement updates, on every backend: subclass it
 * and return a fresh, empty database. Rows are inserted with SQL as {@link OutboxRecorder} writes
 * them, so that the test needs no subscription matching.
 */
abstract class OutboxContract {

  private static final String TENANT = "outbox";
  private static final String SUBSCRIPTION = "urn:ngsi-ld:Subscription:s1";
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A lease that no test reaches. */
  static final Instant FAR = T0.plusSeconds(3_600);

  StoreDatabase database;
  Outbox outbox;

  abstract StoreDatabase openDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = openDatabase();
    outbox = new JdbcOutbox(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  /** Settles {@code row} as a failed delivery to be retried at {@code due}, claiming nothing. */
  void failOnce(long row, Instant due) throws SQLException {
    outbox.settleAndClaimRetries(
        new Outbox.Settlement(
            List.of(), List.of(new Outbox.Retry(List.of(row), due, "503")), List.of(), List.of()),
        0,
        T0,
        T0);
  }

  @Test
  void readsFreshMessagesInIdOrderOncePerNotifier() throws SQLException {
    List<Long> ids = List.of(insert("urn:a"), insert("urn:b"), insert("urn:c"));

    List<OutboxMessage> first = outbox.fresh(0, 1, FAR);
    assertThat(first).extracting(OutboxMessage::id).containsExactly(ids.get(0));
    assertThat(first.getFirst().trigger()).isEqualTo(Trigger.ENTITY_CREATED);
    assertThat(outbox.fresh(ids.get(0), 10, FAR))
        .extracting(OutboxMessage::id)
        .containsExactly(ids.get(1), ids.get(2));
    assertThat(outbox.pending()).isEqualTo(3);
  }

  @Test
  void settlesDeliveriesAndClaimsDueRetriesWithALease() throws SQLException {
    long delivered = insert("urn:a");
    long failed = insert("urn:b");
    long untouched = insert("urn:c");
    Instant due = T0.plusSeconds(10);

    assertThat(
            outbox.settleAndClaimRetries(
                new Outbox.Settlement(
                    List.of(delivered),
                    List.of(new Outbox.Retry(List.of(failed), due, "503")),
                    List.of(),
                    List.of()),
                10,
                T0,
                T0.plusSeconds(60)))
        .isEmpty();
    assertThat(outbox.pending()).isEqualTo(2);
    assertThat(outbox.fresh(0, 10, FAR)).extracting(OutboxMessage::id).containsExactly(untouched);

    List<OutboxMessage> claimed =
        outbox.settleAndClaimRetries(Outbox.Settlement.NONE, 10, due, due.plusSeconds(60));
    assertThat(claimed).extracting(OutboxMessage::id).containsExactly(failed);
    assertThat(claimed.getFirst().attempts()).isEqualTo(1);
    assertThat(outbox.settleAndClaimRetries(Outbox.Settlement.NONE, 10, due, due)).isEmpty();
  }

  @Test
  void aRenewedClaimIsNotClaimedAgainAtItsOldLeaseEnd() throws SQLException {
    long failed = insert("urn:a");
    Instant due = T0.plusSeconds(10);
    Instant lease = due.plusSeconds(10);
    failOnce(failed, due);
    assertThat(outbox.settleAndClaimRetries(Outbox.Settlement.NONE, 10, due, lease)).hasSize(1);

    outbox.renewClaims(List.of(failed), FAR);

    assertThat(outbox.settleAndClaimRetries(Outbox.Settlement.NONE, 10, lease, lease)).isEmpty();
    assertThat(outbox.settleAndClaimRetries(Outbox.Settlement.NONE, 10, FAR, FAR))
        .extracting(OutboxMessage::id)
        .containsExactly(failed);
  }

  @Test
  void addsDeliveryOutcomesToTheSubscriptionCountersKeepingTheLatestTimes() throws SQLException {
    execute("INSERT INTO subscription (tenant, id, doc) VALUES (?, ?, '{}')", TENANT, SUBSCRIPTION);
    Instant later = T0.plusSeconds(30);

    settle(new Outbox.Deliveries(TENANT, SUBSCRIPTION, 2, 1, Optional.of(later), Optional.of(T0)));
    settle(new Outbox.Deliveries(TENANT, SUBSCRIPTION, 1, 0, Optional.of(T0), Optional.empty()));

    assertThat(counters())
        .containsExactly(
            "3",
            "1",
            StoredEntityCodec.format(later),
            StoredEntityCodec.format(T0),
            StoredEntityCodec.format(later));
  }

  private void settle(Outbox.Deliveries deliveries) {
    outbox.settleAndClaimRetries(
        new Outbox.Settlement(List.of(), List.of(), List.of(), List.of(deliveries)), 0, T0, T0);
  }

  private List<String> counters() throws SQLException {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT times_sent, times_failed, last_success, last_failure, last_notification"
                    + " FROM subscription WHERE tenant = ? AND id = ?")) {
      select.setString(1, TENANT);
      select.setString(2, SUBSCRIPTION);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return List.of(
            String.valueOf(row.getLong(1)),
            String.valueOf(row.getLong(2)),
            row.getString(3),
            row.getString(4),
            row.getString(5));
      }
    }
  }

  long insert(String entityId) throws SQLException {
    execute(
        "INSERT INTO outbox (tenant, subscription_id, entity_id, trigger, after_doc, changed_at)"
            + " VALUES (?, ?, ?, 'ENTITY_CREATED', NULL, 0)",
        TENANT,
        SUBSCRIPTION,
        entityId);
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT max(id) FROM outbox");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private void execute(String sql, String... params) throws SQLException {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setString(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }
}
