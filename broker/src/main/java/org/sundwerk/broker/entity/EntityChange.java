package org.sundwerk.broker.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sundwerk.ngsild.model.Attribute;
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
 * @param history instances, by attribute name, recorded in the temporal representation only (see
 *     {@link EntityMutation.Put#history})
 */
public record EntityChange(
    String tenant,
    String entityId,
    Optional<Entity> before,
    Optional<Entity> after,
    Map<String, List<Attribute>> history) {

  public EntityChange {
    history = Map.copyOf(history);
  }

  public EntityChange(
      String tenant, String entityId, Optional<Entity> before, Optional<Entity> after) {
    this(tenant, entityId, before, after, Map.of());
  }

  public boolean created() {
    return before.isEmpty() && after.isPresent();
  }

  public boolean deleted() {
    return before.isPresent() && after.isEmpty();
  }
}
