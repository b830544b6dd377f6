package org.sundwerk.broker.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;

/**
 * System timestamps (clause 4.8): an attribute instance keeps its {@code createdAt} while it exists
 * and gets a new {@code modifiedAt} only when its content changed.
 */
final class Stamps {

  private Stamps() {}

  /** Stamps {@code next} against {@code previous} (absent for a new entity) at time {@code now}. */
  static Entity stamp(Entity next, Optional<Entity> previous, Instant now) {
    Map<String, List<Attribute>> before = previous.map(Entity::attributes).orElse(Map.of());
    Map<String, List<Attribute>> stamped = new LinkedHashMap<>();
    next.attributes()
        .forEach((name, list) -> stamped.put(name, stampAll(list, before.get(name), now)));
    Instant created = previous.map(Entity::createdAt).orElse(now);
    return next.withAttributes(stamped).withSystemTimes(created, now);
  }

  private static List<Attribute> stampAll(
      List<Attribute> next, List<Attribute> before, Instant now) {
    List<Attribute> out = new ArrayList<>(next.size());
    for (Attribute instance : next) {
      Attribute old = before == null ? null : find(before, instance.datasetId());
      out.add(stampOne(instance, old, now));
    }
    return out;
  }

  private static Attribute stampOne(Attribute next, Attribute old, Instant now) {
    Map<String, List<Attribute>> subs = new LinkedHashMap<>();
    next.subAttributes()
        .forEach(
            (name, list) ->
                subs.put(
                    name, stampAll(list, old == null ? null : old.subAttributes().get(name), now)));
    Attribute withSubs = next.withSubAttributes(subs);
    if (old == null) {
      return withSubs.withSystemTimes(now, now);
    }
    boolean same = sameContent(withSubs, old);
    return withSubs.withSystemTimes(old.createdAt(), same ? old.modifiedAt() : now);
  }

  static Attribute find(List<Attribute> instances, String datasetId) {
    for (Attribute instance : instances) {
      if (Objects.equals(instance.datasetId(), datasetId)) {
        return instance;
      }
    }
    return null;
  }

  /** Equal ignoring system times, recursively. */
  static boolean sameContent(Attribute a, Attribute b) {
    return a.kind() == b.kind()
        && a.value().equals(b.value())
        && Objects.equals(a.datasetId(), b.datasetId())
        && Objects.equals(a.observedAt(), b.observedAt())
        && Objects.equals(a.unitCode(), b.unitCode())
        && a.subAttributes().keySet().equals(b.subAttributes().keySet())
        && a.subAttributes().entrySet().stream()
            .allMatch(e -> sameInstances(e.getValue(), b.subAttributes().get(e.getKey())));
  }

  private static boolean sameInstances(List<Attribute> a, List<Attribute> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Attribute instance : a) {
      Attribute other = find(b, instance.datasetId());
      if (other == null || !sameContent(instance, other)) {
        return false;
      }
    }
    return true;
  }
}
