package org.sundwerk.broker.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;

/**
 * Merge Entity (clause 5.6.17, PATCH /entities/{id}): attributes of the fragment are merged into
 * the entity, {@code urn:ngsi-ld:null} deletes, types are added, a given scope replaces.
 */
public final class MergeEntity {

  /** What merging an observation did. */
  public enum Observed {
    /** At least one attribute became current (the others, if any, went into the history). */
    CURRENT,
    /** Every attribute was observed before the current one: added to the history only. */
    HISTORY_ONLY,
    /** A copy of an observation merged before: nothing changed. */
    DUPLICATE
  }

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

  /**
   * Merge Entity for an observation from the field (ingestion), with the two rules that devices'
   * messages need, both decided in the write's own transaction:
   *
   * <ul>
   *   <li>at most once per {@code deliveryKey}, however often and on whichever node a copy arrives,
   *       also after a restart (network servers retry webhooks, MQTT redelivers);
   *   <li>an attribute instance observed before the current instance of the same datasetId (a late
   *       uplink) goes into the temporal representation only, as Add Attributes to Temporal
   *       Representation of an Entity (clause 5.6.12) would add it, and the current value stays:
   *       the current state is the latest observation, not the latest message.
   * </ul>
   *
   * Instances without observedAt, or replacing one without, merge as in {@link #handle}.
   *
   * @param fragment attributes with their observedAt; its types may be empty
   * @param deliveryKey what identifies this observation across copies, if anything does
   */
  public Observed observe(String tenant, Entity fragment, Optional<String> deliveryKey) {
    EntityMutation<Observed> mutation = observation(fragment);
    return Commits.await(
        deliveryKey
            .map(key -> writes.submitOnce(tenant, fragment.id(), key, mutation, Observed.DUPLICATE))
            .orElseGet(() -> writes.submit(tenant, fragment.id(), mutation)));
  }

  EntityMutation<Boolean> mutation(Entity fragment) {
    return current ->
        new EntityMutation.Put<>(merged(Writes.existing(current, fragment.id()), fragment), false);
  }

  private EntityMutation<Observed> observation(Entity fragment) {
    return current -> {
      Entity old = Writes.existing(current, fragment.id());
      Instant now = writes.now();
      Map<String, List<Attribute>> fresh = new LinkedHashMap<>();
      Map<String, List<Attribute>> late = new LinkedHashMap<>();
      fragment
          .attributes()
          .forEach(
              (name, instances) -> {
                List<Attribute> present = old.attributes().getOrDefault(name, List.of());
                for (Attribute instance : instances) {
                  if (observedBefore(instance, Stamps.find(present, instance.datasetId()))) {
                    late.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(instance.withSystemTimes(now, now));
                  } else {
                    fresh.computeIfAbsent(name, n -> new ArrayList<>()).add(instance);
                  }
                }
              });
      if (fresh.isEmpty()) {
        return new EntityMutation.Put<>(old, Observed.HISTORY_ONLY, late);
      }
      Entity merged = merged(old, fragment.withAttributes(fresh));
      return new EntityMutation.Put<>(merged, Observed.CURRENT, late);
    };
  }

  private static boolean observedBefore(Attribute instance, Attribute current) {
    return current != null
        && current.observedAt() != null
        && instance.observedAt() != null
        && instance.observedAt().isBefore(current.observedAt());
  }

  private Entity merged(Entity old, Entity fragment) {
    Set<String> types = new LinkedHashSet<>(old.types());
    types.addAll(fragment.types());
    List<String> scopes = fragment.scopes().isEmpty() ? old.scopes() : fragment.scopes();
    Entity merged =
        old.withTypes(List.copyOf(types))
            .withScopes(scopes)
            .withAttributes(AttributeChanges.merge(old.attributes(), fragment.attributes()));
    return Stamps.stamp(merged, Optional.of(old), writes.now());
  }
}
