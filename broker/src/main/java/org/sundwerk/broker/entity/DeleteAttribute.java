package org.sundwerk.broker.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;

/**
 * Delete Attribute (clause 5.6.5, DELETE {@code /entities/{id}/attrs/{attrId}}): deletes the
 * default instance, the instance with {@code datasetId}, or all instances with {@code deleteAll}.
 */
public final class DeleteAttribute {

  private final Writes writes;

  DeleteAttribute(Writes writes) {
    this.writes = writes;
  }

  public void handle(
      String tenant, String id, String name, Optional<String> datasetId, boolean deleteAll) {
    Commits.await(
        writes.submit(
            tenant,
            id,
            current -> {
              Entity old = Writes.existing(current, id);
              List<Attribute> next;
              if (deleteAll) {
                AttributeInstances.requireAttribute(old, name);
                next = List.of();
              } else {
                List<Attribute> instances =
                    AttributeInstances.requireInstance(old, name, datasetId.orElse(null));
                next = new ArrayList<>(instances);
                next.remove(AttributeChanges.indexOf(instances, datasetId.orElse(null)));
              }
              return AttributeInstances.put(writes, old, current, name, next);
            }));
  }
}
