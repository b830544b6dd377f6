package org.sundwerk.broker.entity;

import java.util.List;
import java.util.Map;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;

/** Append Entity Attributes (clause 5.6.3, POST /entities/{id}/attrs). */
public final class AppendAttributes {

  private final Writes writes;

  AppendAttributes(Writes writes) {
    this.writes = writes;
  }

  public UpdateResult handle(
      String tenant, String id, Map<String, List<Attribute>> fragment, boolean noOverwrite) {
    return Commits.await(writes.submit(tenant, id, mutation(id, fragment, noOverwrite)));
  }

  EntityMutation<UpdateResult> mutation(
      String id, Map<String, List<Attribute>> fragment, boolean noOverwrite) {
    return current -> {
      Entity old = Writes.existing(current, id);
      AttributeChanges.Applied applied =
          AttributeChanges.append(old.attributes(), fragment, noOverwrite);
      Entity next = old.withAttributes(applied.attributes());
      return new EntityMutation.Put<>(Stamps.stamp(next, current, writes.now()), applied.result());
    };
  }
}
