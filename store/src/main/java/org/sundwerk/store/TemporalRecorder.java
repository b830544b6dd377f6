package org.sundwerk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
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
 * <p>Runs on the writer thread only; its statement cache is bound to the writer connection.
 */
public final class TemporalRecorder implements ChangeRecorder {

  private final Clock clock;

  // Confined to the writer thread, like the connection it is bound to.
  private StatementCache statements;

  /**
   * @param clock the recording time of an instance without modifiedAt (mutations normally set it)
   */
  public TemporalRecorder(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void record(
      Connection connection,
      SqlDialect dialect,
      EntityChange change,
      Optional<String> afterDocument)
      throws SQLException {
    if (change.after().isEmpty()) {
      return;
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
      return;
    }
    StatementCache cache = cache(connection);
    long pk = entityPk(cache, change, after);
    TemporalRollup.Additions rollup = new TemporalRollup.Additions();
    List<TemporalRows.InstanceRow> rows = new ArrayList<>();
    for (Map.Entry<String, List<Attribute>> attribute : recorded.entrySet()) {
      for (Attribute instance : attribute.getValue()) {
        rows.add(
            new TemporalRows.InstanceRow(
                attribute.getKey(), instance, recordedAt(instance, after)));
        rollup.add(pk, attribute.getKey(), instance);
      }
    }
    TemporalRows.insertInstances(cache, pk, rows);
    rollup.flush(cache);
  }

  private StatementCache cache(Connection connection) {
    if (statements == null || statements.connection() != connection) {
      statements = new StatementCache(connection);
    }
    return statements;
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

  private static long entityPk(StatementCache cache, EntityChange change, Entity after)
      throws SQLException {
    OptionalLong existing = TemporalRows.entityPk(cache, change.tenant(), after.id());
    if (existing.isPresent()) {
      boolean sameTypes = change.before().map(b -> b.types().equals(after.types())).orElse(false);
      if (!sameTypes) {
        TemporalRows.addTypes(cache, change.tenant(), existing.getAsLong(), after.types());
      }
      return existing.getAsLong();
    }
    long pk = TemporalRows.insertEntity(cache, change.tenant(), after.id());
    TemporalRows.addTypes(cache, change.tenant(), pk, after.types());
    return pk;
  }

  private Instant recordedAt(Attribute instance, Entity after) {
    if (instance.modifiedAt() != null) {
      return instance.modifiedAt();
    }
    return after.modifiedAt() != null ? after.modifiedAt() : clock.instant();
  }
}
