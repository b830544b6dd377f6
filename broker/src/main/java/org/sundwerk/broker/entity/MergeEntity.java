package org.sundwerk.broker.entity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sundwerk.ngsild.model.Entity;

/**
 * Merge Entity (clause 5.6.17, PATCH /entities/{id}): attributes of the fragment are merged into
 * the entity, {@code urn:ngsi-ld:null} deletes, types are added, a given scope replaces.
 */
public final class MergeEntity {

  private final Writes writes;

  MergeEntity(Writes writes) {
    this.writes = writes;
  }

  /**
   * @param fragment an entity whose id names the target; its types may be empty
   */
  public void handle(String tenant, Entity fragment) {
    Commits.await(writes.submit(tenant, fragment.id(), mutation(fragment)));
  }

  EntityMutation<Boolean> mutation(Entity fragment) {
    return current -> {
      Entity old = Writes.existing(current, fragment.id());
      Set<String> types = new LinkedHashSet<>(old.types());
      types.addAll(fragment.types());
      List<String> scopes = fragment.scopes().isEmpty() ? old.scopes() : fragment.scopes();
      Entity merged =
          old.withTypes(List.copyOf(types))
              .withScopes(scopes)
              .withAttributes(AttributeChanges.merge(old.attributes(), fragment.attributes()));
      return new EntityMutation.Put<>(Stamps.stamp(merged, current, writes.now()), false);
    };
  }
}
