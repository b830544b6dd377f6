package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
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
public final class OutboxRecorder implements ChangeRecorder {

  private static final String INSERT =
      "INSERT INTO outbox (tenant, subscription_id, entity_id, trigger, before_doc, after_doc,"
          + " changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

  private final ChangeNotifications notifications;
  private final Clock clock;

  public OutboxRecorder(ChangeNotifications notifications, Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
  }

  @Override
  public void record(
      Connection connection,
      SqlDialect dialect,
      EntityChange change,
      Optional<String> afterDocument)
      throws SQLException {
    List<ChangeNotifications.Caused> caused = notifications.of(change);
    if (caused.isEmpty()) {
      return;
    }
    long now = clock.millis();
    String after = afterDocument.orElse(null);
    String before = null;
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (ChangeNotifications.Caused notification : caused) {
        if (notification.needsBefore() && before == null) {
          before = change.before().map(StoredEntityCodec::encode).orElse(null);
        }
        insert.setString(1, change.tenant());
        insert.setString(2, notification.subscriptionId());
        insert.setString(3, change.entityId());
        insert.setString(4, notification.trigger().name());
        insert.setString(5, notification.needsBefore() ? before : null);
        insert.setString(6, after);
        insert.setLong(7, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
