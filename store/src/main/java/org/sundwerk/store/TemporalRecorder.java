package org.sundwerk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
    Map<String, Map<String, Long>> pks = new LinkedHashMap<>();
    Map<String, Set<String>> idsByTenant = new LinkedHashMap<>();
    for (Recorded change : changes) {
      idsByTenant
          .computeIfAbsent(change.tenant(), t -> new LinkedHashSet<>())
          .add(change.entityId());
    }
    List<Recorded> missing = new ArrayList<>();
    Set<Long> created = new HashSet<>();
    for (Map.Entry<String, Set<String>> tenant : idsByTenant.entrySet()) {
      Map<String, Long> found =
          TemporalRows.entityPks(
              statements, dialect, tenant.getKey(), List.copyOf(tenant.getValue()));
      pks.put(tenant.getKey(), new HashMap<>(found));
    }
    for (Recorded change : changes) {
      Map<String, Long> ofTenant = pks.get(change.tenant());
      if (!ofTenant.containsKey(change.entityId())) {
        ofTenant.put(change.entityId(), -1L);
        missing.add(change);
      }
    }
    List<TemporalRows.TypeRows> types = new ArrayList<>();
    if (!missing.isEmpty()) {
      List<Long> keys = dialect.allocateKeys(statements, "temporal_entity", missing.size());
      PreparedStatement insert =
          statements.prepare(
              "INSERT INTO temporal_entity (pk, tenant, id)"
                  + dialect.explicitKey()
                  + " VALUES (?, ?, ?)");
      for (int i = 0; i < missing.size(); i++) {
        Recorded change = missing.get(i);
        long pk = keys.get(i);
        pks.get(change.tenant()).put(change.entityId(), pk);
        created.add(pk);
        insert.setLong(1, pk);
        insert.setString(2, change.tenant());
        insert.setString(3, change.entityId());
        insert.addBatch();
        types.add(new TemporalRows.TypeRows(change.tenant(), pk, change.types()));
      }
      insert.executeBatch();
    }
    TemporalRollup.Additions rollup = new TemporalRollup.Additions();
    List<TemporalRows.Instances> instances = new ArrayList<>(changes.size());
    for (Recorded change : changes) {
      long pk = pks.get(change.tenant()).get(change.entityId());
      if (!change.typesUnchanged() && !created.contains(pk)) {
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
