package org.sundwerk.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.broker.entity.EntityChange;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;

/**
 * Keeps the temporal evolution of entities: for every change, each attribute instance that is new
 * or whose modifiedAt (or, without one, content) changed becomes one row of {@code
 * temporal_instance}, recorded at the instance's modifiedAt, and is counted into {@code
 * temporal_rollup} when it has an observedAt; so does each instance of the change's history (an
 * observation older than the current one, which did not become current). Attribute and entity
 * deletions are not recorded (history stays until deleted through the temporal API or pruned).
 *
 * <p>Stateless; writes on the writer thread.
 */
public final class TemporalRecorder implements ChangeRecorder<TemporalRecorder.Recorded> {

  private final Clock clock;

  /** What one change records: instances of one entity, and its types if they may be new. */
  record Recorded(
      String tenant,
      String entityId,
      List<String> types,
      boolean typesUnchanged,
      List<TemporalRows.InstanceRow> rows) {}

  /**
   * @param clock the recording time of an instance without modifiedAt (mutations normally set it)
   */
  public TemporalRecorder(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<Recorded> rowsOf(EntityChange change, Optional<String> afterDocument) {
    if (change.after().isEmpty()) {
      return List.of();
    }
    Entity after = change.after().get();
    Map<String, List<Attribute>> before = change.before().map(Entity::attributes).orElse(Map.of());
    Map<String, List<Attribute>> recorded = new LinkedHashMap<>();
    for (Map.Entry<String, List<Attribute>> attribute : after.attributes().entrySet()) {
      List<Attribute> previous = before.getOrDefault(attribute.getKey(), List.of());
      for (Attribute instance : attribute.getValue()) {
        if (changed(instance, previous)) {
          recorded.computeIfAbsent(attribute.getKey(), n -> new ArrayList<>()).add(instance);
        }
      }
    }
    change
        .history()
        .forEach(
            (name, instances) ->
                recorded.computeIfAbsent(name, n -> new ArrayList<>()).addAll(instances));
    if (recorded.isEmpty()) {
      return List.of();
    }
    List<TemporalRows.InstanceRow> rows = new ArrayList<>();
    for (Map.Entry<String, List<Attribute>> attribute : recorded.entrySet()) {
      for (Attribute instance : attribute.getValue()) {
        rows.add(
            new TemporalRows.InstanceRow(
                attribute.getKey(), instance, recordedAt(instance, after)));
      }
    }
    boolean typesUnchanged =
        change.before().map(b -> b.types().equals(after.types())).orElse(false);
    return List.of(
        new Recorded(
            change.tenant(), after.id(), after.types(), typesUnchanged, List.copyOf(rows)));
  }

  /**
   * Finds the temporal entities of all changes in one statement per tenant, creates the missing
   * ones with keys taken in one statement, and inserts types, instances and rollup additions as one
   * JDBC batch each.
   */
  @Override
  public void write(StatementCache statements, SqlDialect dialect, List<Recorded> changes)
      throws SQLException {
    Map<String, Set<String>> idsByTenant = new LinkedHashMap<>();
    for (Recorded change : changes) {
      idsByTenant
          .computeIfAbsent(change.tenant(), t -> new LinkedHashSet<>())
          .add(change.entityId());
    }
    Map<EntityWrites.Key, Long> pks = new HashMap<>();
    for (Map.Entry<String, Set<String>> tenant : idsByTenant.entrySet()) {
      TemporalRows.entityPks(statements, dialect, tenant.getKey(), List.copyOf(tenant.getValue()))
          .forEach((id, pk) -> pks.put(new EntityWrites.Key(tenant.getKey(), id), pk));
    }
    Map<EntityWrites.Key, Recorded> missing = new LinkedHashMap<>();
    for (Recorded change : changes) {
      EntityWrites.Key key = new EntityWrites.Key(change.tenant(), change.entityId());
      if (!pks.containsKey(key)) {
        missing.putIfAbsent(key, change);
      }
    }
    List<TemporalRows.TypeRows> types = new ArrayList<>();
    if (!missing.isEmpty()) {
      List<Long> keys = dialect.allocateKeys(statements, "temporal_entity", missing.size());
      List<EntityWrites.Key> created = List.copyOf(missing.keySet());
      for (int i = 0; i < created.size(); i++) {
        EntityWrites.Key key = created.get(i);
        pks.put(key, keys.get(i));
        types.add(new TemporalRows.TypeRows(key.tenant(), keys.get(i), missing.get(key).types()));
      }
      statements.executeBatch(
          "INSERT INTO temporal_entity (pk, tenant, id)"
              + dialect.explicitKey()
              + " VALUES (?, ?, ?)",
          created,
          (insert, key) -> {
            insert.setLong(1, pks.get(key));
            insert.setString(2, key.tenant());
            insert.setString(3, key.id());
          });
    }
    TemporalRollup.Additions rollup = new TemporalRollup.Additions();
    List<TemporalRows.Instances> instances = new ArrayList<>(changes.size());
    for (Recorded change : changes) {
      EntityWrites.Key key = new EntityWrites.Key(change.tenant(), change.entityId());
      long pk = pks.get(key);
      if (!change.typesUnchanged() && !missing.containsKey(key)) {
        types.add(new TemporalRows.TypeRows(change.tenant(), pk, change.types()));
      }
      instances.add(new TemporalRows.Instances(pk, change.rows()));
      for (TemporalRows.InstanceRow row : change.rows()) {
        rollup.add(pk, row.name(), row.instance());
      }
    }
    TemporalRows.addTypes(statements, types);
    TemporalRows.insertInstances(statements, instances);
    rollup.flush(statements);
  }

  private static boolean changed(Attribute instance, List<Attribute> previous) {
    for (Attribute old : previous) {
      if (old.sameInstance(instance)) {
        return instance.modifiedAt() == null
            ? !old.equals(instance)
            : !Objects.equals(old.modifiedAt(), instance.modifiedAt());
      }
    }
    return true;
  }

  private Instant recordedAt(Attribute instance, Entity after) {
    if (instance.modifiedAt() != null) {
      return instance.modifiedAt();
    }
    return after.modifiedAt() != null ? after.modifiedAt() : clock.instant();
  }
}
