package org.sundwerk.store;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sundwerk.broker.entity.EntityChange;
import org.sundwerk.broker.subscription.ChangeNotifications;

/**
 * Persists the notifications an entity change causes as outbox rows, inside the change's
 * transaction (ARCHITECTURE principle 6): the change and its notifications commit together or not
 * at all. Which notifications a change causes is the broker's rule ({@link ChangeNotifications});
 * this class only writes them. The entity after the change is the document the store already
 * encoded for its own row; the entity before is encoded only where a notification needs it.
 */
public final class OutboxRecorder implements ChangeRecorder<OutboxRecorder.Row> {

  private static final String INSERT =
      "INSERT INTO outbox (tenant, subscription_id, entity_id, trigger, before_doc, after_doc,"
          + " changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

  /** One outbox row; the documents are null where the notification does not need them. */
  record Row(
      String tenant,
      String subscriptionId,
      String entityId,
      String trigger,
      String before,
      String after,
      long changedAt) {}

  private final ChangeNotifications notifications;
  private final Clock clock;

  public OutboxRecorder(ChangeNotifications notifications, Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
  }

  @Override
  public List<Row> rowsOf(EntityChange change, Optional<String> afterDocument) {
    List<ChangeNotifications.Caused> caused = notifications.of(change);
    if (caused.isEmpty()) {
      return List.of();
    }
    long now = clock.millis();
    String after = afterDocument.orElse(null);
    String before = null;
    List<Row> rows = new ArrayList<>(caused.size());
    for (ChangeNotifications.Caused notification : caused) {
      if (notification.needsBefore() && before == null) {
        before = change.before().map(StoredEntityCodec::encode).orElse(null);
      }
      rows.add(
          new Row(
              change.tenant(),
              notification.subscriptionId(),
              change.entityId(),
              notification.trigger().name(),
              notification.needsBefore() ? before : null,
              after,
              now));
    }
    return rows;
  }

  @Override
  public void write(StatementCache statements, SqlDialect dialect, List<Row> rows)
      throws SQLException {
    statements.executeBatch(
        INSERT,
        rows,
        (insert, row) -> {
          insert.setString(1, row.tenant());
          insert.setString(2, row.subscriptionId());
          insert.setString(3, row.entityId());
          insert.setString(4, row.trigger());
          insert.setString(5, row.before());
          insert.setString(6, row.after());
          insert.setLong(7, row.changedAt());
        });
  }
}
