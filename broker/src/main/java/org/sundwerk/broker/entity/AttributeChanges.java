package org.sundwerk.broker.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;

/**
 * The pure functions behind the attribute operations: each takes the current attributes and a
 * fragment and returns the new attributes plus what happened. No I/O; the handlers run them inside
 * the store's write.
 */
final class AttributeChanges {

  /** The value that deletes an attribute in a merge (clause 4.5.0, "urn:ngsi-ld:null"). */
  static final String NGSI_LD_NULL = "urn:ngsi-ld:null";

  private AttributeChanges() {}

  /** New attributes and the update report. */
  record Applied(Map<String, List<Attribute>> attributes, UpdateResult result) {}

  /** POST /attrs: add, or overwrite the same instance unless {@code noOverwrite}. */
  static Applied append(
      Map<String, List<Attribute>> current,
      Map<String, List<Attribute>> fragment,
      boolean noOverwrite) {
    Map<String, List<Attribute>> next = copy(current);
    List<String> updated = new ArrayList<>();
    List<UpdateResult.NotUpdated> skipped = new ArrayList<>();
    fragment.forEach(
        (name, instances) -> {
          List<Attribute> list = next.computeIfAbsent(name, n -> new ArrayList<>());
          boolean any = false;
          for (Attribute instance : instances) {
            int index = indexOf(list, instance.datasetId());
            if (index < 0) {
              list.add(instance);
              any = true;
            } else if (!noOverwrite) {
              list.set(index, instance);
              any = true;
            }
          }
          if (any) {
            updated.add(name);
          } else {
            skipped.add(
                new UpdateResult.NotUpdated(name, "attribute exists and noOverwrite is set"));
          }
        });
    return new Applied(normalize(next), new UpdateResult(updated, skipped));
  }

  /** PATCH /attrs: overwrite existing instances only. */
  static Applied update(
      Map<String, List<Attribute>> current, Map<String, List<Attribute>> fragment) {
    Map<String, List<Attribute>> next = copy(current);
    List<String> updated = new ArrayList<>();
    List<UpdateResult.NotUpdated> skipped = new ArrayList<>();
    fragment.forEach(
        (name, instances) -> {
          List<Attribute> list = next.get(name);
          boolean any = false;
          for (Attribute instance : instances) {
            int index = list == null ? -1 : indexOf(list, instance.datasetId());
            if (index >= 0) {
              list.set(index, instance);
              any = true;
            }
          }
          if (any) {
            updated.add(name);
          } else {
            skipped.add(new UpdateResult.NotUpdated(name, "attribute does not exist"));
          }
        });
    return new Applied(normalize(next), new UpdateResult(updated, skipped));
  }

  /**
   * Merge (clause 5.6.17 and 5.6.4): a given instance is merged into the existing one (its members
   * win, sub-attributes merge recursively), missing instances are added, and the value {@code
   * urn:ngsi-ld:null} deletes.
   */
  static Map<String, List<Attribute>> merge(
      Map<String, List<Attribute>> current, Map<String, List<Attribute>> fragment) {
    Map<String, List<Attribute>> next = copy(current);
    fragment.forEach(
        (name, instances) -> {
          List<Attribute> list = next.computeIfAbsent(name, n -> new ArrayList<>());
          for (Attribute instance : instances) {
            int index = indexOf(list, instance.datasetId());
            if (isNull(instance)) {
              if (index >= 0) {
                list.remove(index);
              }
            } else if (index < 0) {
              list.add(instance);
            } else {
              list.set(index, mergeInstance(list.get(index), instance));
            }
          }
        });
    return normalize(next);
  }

  static Attribute mergeInstance(Attribute old, Attribute patch) {
    return new Attribute(
        patch.kind(),
        patch.value(),
        patch.datasetId(),
        patch.observedAt() != null ? patch.observedAt() : old.observedAt(),
        patch.unitCode() != null ? patch.unitCode() : old.unitCode(),
        old.createdAt(),
        old.modifiedAt(),
        merge(old.subAttributes(), patch.subAttributes()));
  }

  static boolean isNull(Attribute instance) {
    return instance.kind() != AttributeKind.JSON_PROPERTY
        && instance.value().isString()
        && instance.value().asString().equals(NGSI_LD_NULL);
  }

  static int indexOf(List<Attribute> instances, String datasetId) {
    for (int i = 0; i < instances.size(); i++) {
      if (Objects.equals(instances.get(i).datasetId(), datasetId)) {
        return i;
      }
    }
    return -1;
  }

  static Map<String, List<Attribute>> copy(Map<String, List<Attribute>> attributes) {
    Map<String, List<Attribute>> copy = new LinkedHashMap<>();
    attributes.forEach((name, list) -> copy.put(name, new ArrayList<>(list)));
    return copy;
  }

  /** Drops emptied attributes and puts each default instance first. */
  static Map<String, List<Attribute>> normalize(Map<String, List<Attribute>> attributes) {
    Map<String, List<Attribute>> out = new LinkedHashMap<>();
    attributes.forEach(
        (name, list) -> {
          if (!list.isEmpty()) {
            List<Attribute> sorted = new ArrayList<>(list);
            sorted.sort((a, b) -> Boolean.compare(b.isDefaultInstance(), a.isDefaultInstance()));
            out.put(name, List.copyOf(sorted));
          }
        });
    return out;
  }
}
