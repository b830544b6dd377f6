package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.sundwerk.broker.entity.EntityChange;
import org.sundwerk.broker.subscription.ActiveSubscriptions;

/**
 * Writes one outbox row per subscription that an entity change notifies, inside the change's
 * transaction (ARCHITECTURE principle 6): the change and its notifications commit together or not
 * at all. Matching uses the in-memory {@link ActiveSubscriptions}, so the writer thread does no I/O
 * here besides the inserts. The entity before the change is kept only where a notification needs it
 * (deletions, {@code showChanges}).
 */
public final class OutboxRecorder implements ChangeRecorder {

  private static final String INSERT =
      "INSERT INTO outbox (tenant, subscription_id, entity_id, trigger, before_doc, after_doc,"
          + " changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

  private final ActiveSubscriptions subscriptions;
  private final Clock clock;

  public OutboxRecorder(ActiveSubscriptions subscriptions, Clock clock) {
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  @Override
  public void record(Connection connection, SqlDialect dialect, EntityChange change)
      throws SQLException {
    List<ActiveSubscriptions.Hit> hits = subscriptions.match(change);
    if (hits.isEmpty()) {
      return;
    }
    long now = clock.millis();
    String after = change.after().map(StoredEntityCodec::encode).orElse(null);
    String before = null;
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (ActiveSubscriptions.Hit hit : hits) {
        boolean needsBefore =
            change.deleted() || hit.matcher().subscription().notification().showChanges();
        if (needsBefore && before == null) {
          before = change.before().map(StoredEntityCodec::encode).orElse(null);
        }
        insert.setString(1, change.tenant());
        insert.setString(2, hit.matcher().subscription().id());
        insert.setString(3, change.entityId());
        insert.setString(4, hit.trigger().name());
        insert.setString(5, needsBefore ? before : null);
        insert.setString(6, after);
        insert.setLong(7, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
