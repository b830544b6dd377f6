package org.sundwerk.broker.entity;

import java.util.List;
import java.util.Map;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;

/** Update Entity Attributes (clause 5.6.2, PATCH /entities/{id}/attrs): existing ones only. */
public final class UpdateAttributes {

  private final Writes writes;

  UpdateAttributes(Writes writes) {
    this.writes = writes;
  }

  public UpdateResult handle(String tenant, String id, Map<String, List<Attribute>> fragment) {
    return Commits.await(writes.submit(tenant, id, mutation(id, fragment)));
  }

  EntityMutation<UpdateResult> mutation(String id, Map<String, List<Attribute>> fragment) {
    return current -> {
      Entity old = Writes.existing(current, id);
      AttributeChanges.Applied applied = AttributeChanges.update(old.attributes(), fragment);
      if (applied.result().updated().isEmpty()) {
        return new EntityMutation.Keep<>(applied.result());
      }
      Entity next = old.withAttributes(applied.attributes());
      return new EntityMutation.Put<>(Stamps.stamp(next, current, writes.now()), applied.result());
    };
  }
}
