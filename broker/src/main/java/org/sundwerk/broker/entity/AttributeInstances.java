package org.sundwerk.broker.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;

/**
 * What the operations on one attribute under {@code /entities/{id}/attrs/{attrId}} share ({@link
 * PartialAttributeUpdate}, {@link ReplaceAttribute}, {@link DeleteAttribute}): the look-up of the
 * addressed instance and the write of the attribute's new instances.
 */
final class AttributeInstances {

  private AttributeInstances() {}

  /**
   * Replaces the instance of attribute {@code name} with {@code datasetId} of entity {@code id} by
   * {@code change} of it, durably.
   *
   * @throws NgsiLdException ResourceNotFound if there is no such entity, attribute or instance
   */
  static void replaceInstance(
      Writes writes,
      String tenant,
      String id,
      String name,
      String datasetId,
      UnaryOperator<Attribute> change) {
    Commits.await(
        writes.submit(
            tenant,
            id,
            current -> {
              Entity old = Writes.existing(current, id);
              List<Attribute> instances = requireInstance(old, name, datasetId);
              int index = AttributeChanges.indexOf(instances, datasetId);
              List<Attribute> next = new ArrayList<>(instances);
              next.set(index, change.apply(instances.get(index)));
              return put(writes, old, current, name, next);
            }));
  }

  /** The entity with the attribute's instances replaced by {@code instances}, stamped. */
  static EntityMutation.Put<Boolean> put(
      Writes writes, Entity old, Optional<Entity> current, String name, List<Attribute> instances) {
    Map<String, List<Attribute>> attributes = AttributeChanges.copy(old.attributes());
    attributes.put(name, instances);
    Entity next = old.withAttributes(AttributeChanges.normalize(attributes));
    return new EntityMutation.Put<>(Stamps.stamp(next, current, writes.now()), true);
  }

  static List<Attribute> requireAttribute(Entity entity, String name) {
    return entity
        .attribute(name)
        .orElseThrow(
            () -> NgsiLdException.notFound("Entity " + entity.id() + " has no attribute " + name));
  }

  /** The attribute's instances, which must include the one with {@code datasetId}. */
  static List<Attribute> requireInstance(Entity entity, String name, String datasetId) {
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
