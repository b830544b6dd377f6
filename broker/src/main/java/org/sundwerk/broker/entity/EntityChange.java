package org.sundwerk.broker.entity;

import java.util.Optional;
import org.sundwerk.ngsild.model.Entity;

/**
 * One committed change of one entity, as the store writes it: the state before (empty for a
 * creation) and after (empty for a deletion). Temporal history and subscription notifications are
 * derived from it in the same transaction.
 *
 * @param tenant the tenant
 * @param entityId the entity id
 * @param before the stored state before the change
 * @param after the stored state after the change
 */
public record EntityChange(
    String tenant, String entityId, Optional<Entity> before, Optional<Entity> after) {

  public boolean created() {
    return before.isEmpty() && after.isPresent();
  }

  public boolean deleted() {
    return before.isPresent() && after.isEmpty();
  }
}
