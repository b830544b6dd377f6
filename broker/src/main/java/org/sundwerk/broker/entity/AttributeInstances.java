package org.sundwerk.broker.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;

/**
 * The operations on one attribute under {@code /entities/{id}/attrs/{attrId}}: Partial Attribute
 * Update (clause 5.6.4, PATCH), Replace Attribute (5.6.19, PUT) and Delete Attribute (5.6.5). They
 * share the look-up of the addressed instance, so they live together.
 */
public final class AttributeOperations {

  private final Writes writes;

  AttributeOperations(Writes writes) {
    this.writes = writes;
  }

  /** Merges the given instance into the existing one with the same datasetId. */
  public void partialUpdate(String tenant, String id, String name, Attribute patch) {
    Commits.await(
        writes.submit(
            tenant,
            id,
            current -> {
              Entity old = Writes.existing(current, id);
              List<Attribute> instances = requireInstance(old, name, patch.datasetId());
              int index = AttributeChanges.indexOf(instances, patch.datasetId());
              List<Attribute> next = new ArrayList<>(instances);
              next.set(index, AttributeChanges.mergeInstance(instances.get(index), patch));
              return put(old, current, name, next);
            }));
  }

  /** Replaces the instance with the same datasetId wholly. */
  public void replace(String tenant, String id, String name, Attribute replacement) {
    Commits.await(
        writes.submit(
            tenant,
            id,
            current -> {
              Entity old = Writes.existing(current, id);
              List<Attribute> instances = requireInstance(old, name, replacement.datasetId());
              List<Attribute> next = new ArrayList<>(instances);
              next.set(AttributeChanges.indexOf(instances, replacement.datasetId()), replacement);
              return put(old, current, name, next);
            }));
  }

  /**
   * Deletes the default instance, the instance with {@code datasetId}, or all instances with {@code
   * deleteAll}.
   */
  public void delete(
      String tenant, String id, String name, Optional<String> datasetId, boolean deleteAll) {
    Commits.await(
        writes.submit(
            tenant,
            id,
            current -> {
              Entity old = Writes.existing(current, id);
              List<Attribute> next;
              if (deleteAll) {
                requireAttribute(old, name);
                next = List.of();
              } else {
                List<Attribute> instances = requireInstance(old, name, datasetId.orElse(null));
                next = new ArrayList<>(instances);
                next.remove(AttributeChanges.indexOf(instances, datasetId.orElse(null)));
              }
              return put(old, current, name, next);
            }));
  }

  private EntityMutation.Put<Boolean> put(
      Entity old, Optional<Entity> current, String name, List<Attribute> instances) {
    Map<String, List<Attribute>> attributes = AttributeChanges.copy(old.attributes());
    attributes.put(name, instances);
    Entity next = old.withAttributes(AttributeChanges.normalize(attributes));
    return new EntityMutation.Put<>(Stamps.stamp(next, current, writes.now()), true);
  }

  private static List<Attribute> requireAttribute(Entity entity, String name) {
    return entity
        .attribute(name)
        .orElseThrow(
            () -> NgsiLdException.notFound("Entity " + entity.id() + " has no attribute " + name));
  }

  private static List<Attribute> requireInstance(Entity entity, String name, String datasetId) {
    List<Attribute> instances = requireAttribute(entity, name);
    if (AttributeChanges.indexOf(instances, datasetId) < 0) {
      throw NgsiLdException.notFound(
          "Attribute "
              + name
              + " of "
              + entity.id()
              + (datasetId == null
                  ? " has no default instance"
                  : " has no datasetId " + datasetId));
    }
    return instances;
  }
}
