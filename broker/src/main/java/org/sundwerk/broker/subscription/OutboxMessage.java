package org.sundwerk.broker.subscription;

import java.time.Instant;
import java.util.Optional;
import org.sundwerk.ngsild.model.Entity;

/**
 * One pending notification of one subscription about one entity change.
 *
 * @param id the outbox key, increasing in commit order
 * @param tenant the tenant
 * @param subscriptionId the subscription to notify
 * @param trigger why it notifies
 * @param before the entity before the change (kept for deletions and showChanges)
 * @param after the entity after the change (empty for a deletion)
 * @param changedAt when the change was recorded
 * @param attempts failed delivery attempts so far
 */
public record OutboxMessage(
    long id,
    String tenant,
    String subscriptionId,
    Trigger trigger,
    Optional<Entity> before,
    Optional<Entity> after,
    Instant changedAt,
    int attempts) {}
