package org.sundwerk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;

/**
 * The SQL that writes temporal rows, shared by the {@link TemporalRecorder} and {@link
 * JdbcTemporalStore}; runs on the writer connection only.
 */
final class TemporalRows {

  /** The prefix of instanceIds; the rest is the row's key. */
  static final String INSTANCE_PREFIX = "urn:ngsi-ld:attribute:instance:";

  /** The attribute name of the one-attribute holder entity an instance is encoded in. */
  private static final String HOLDER = "i";

  private TemporalRows() {}

  static OptionalLong entityPk(StatementCache statements, String tenant, String id)
      throws SQLException {
    PreparedStatement select =
        statements.prepare("SELECT pk FROM temporal_entity WHERE tenant = ? AND id = ?");
    select.setString(1, tenant);
    select.setString(2, id);
    try (ResultSet row = select.executeQuery()) {
      return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
    }
  }

  /**
   * The keys of those of {@code ids} that have a temporal entity in the tenant, in one statement.
   */
  static Map<String, Long> entityPks(
      StatementCache statements, SqlDialect dialect, String tenant, List<String> ids)
      throws SQLException {
    PreparedStatement select =
        statements.prepare(
            "SELECT id, pk FROM temporal_entity WHERE tenant = ? AND " + dialect.inTexts("id"));
    select.setString(1, tenant);
    dialect.bindTexts(select, 2, ids);
    Map<String, Long> pks = new HashMap<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        pks.put(rows.getString(1), rows.getLong(2));
      }
    }
    return pks;
  }

  static long insertEntity(StatementCache statements, String tenant, String id)
      throws SQLException {
    PreparedStatement insert =
        statements.prepare("INSERT INTO temporal_entity (tenant, id) VALUES (?, ?) RETURNING pk");
    insert.setString(1, tenant);
    insert.setString(2, id);
    try (ResultSet key = insert.executeQuery()) {
      key.next();
      return key.getLong(1);
    }
  }

  /** The types of one temporal entity. */
  record TypeRows(String tenant, long entityPk, List<String> types) {}

  /** A type of a temporal entity. */
  private record TypeRow(TypeRows entity, String type) {}

  /** Adds the types the entities do not have yet, as one JDBC batch. */
  static void addTypes(StatementCache statements, List<TypeRows> entities) throws SQLException {
    statements.executeBatch(
        "INSERT INTO temporal_type (tenant, entity_pk, type) VALUES (?, ?, ?)"
            + " ON CONFLICT (entity_pk, type) DO NOTHING",
        entities.stream()
            .flatMap(entity -> entity.types().stream().map(type -> new TypeRow(entity, type)))
            .toList(),
        (insert, row) -> {
          insert.setString(1, row.entity().tenant());
          insert.setLong(2, row.entity().entityPk());
          insert.setString(3, row.type());
        });
  }

  /** An instance of attribute {@code name} to record, with createdAt and modifiedAt {@code at}. */
  record InstanceRow(String name, Attribute instance, Instant at) {}

  /** The instances to record of one temporal entity. */
  record Instances(long entityPk, List<InstanceRow> rows) {}

  /** An instance row with the key of its temporal entity. */
  private record KeyedRow(long entityPk, InstanceRow row) {}

  /** Inserts the instances of entities, as one JDBC batch. */
  static void insertInstances(StatementCache statements, List<Instances> entities)
      throws SQLException {
    statements.executeBatch(
        "INSERT INTO temporal_instance (entity_pk, attribute, dataset_id, kind, value, number,"
            + " doc, observed_at, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entities.stream()
            .flatMap(
                entity -> entity.rows().stream().map(row -> new KeyedRow(entity.entityPk(), row)))
            .toList(),
        (insert, keyed) -> {
          insert.setLong(1, keyed.entityPk());
          insert.setString(2, keyed.row().name());
          bindInstance(insert, 3, keyed.row().instance());
          insert.setLong(9, keyed.row().at().toEpochMilli());
          insert.setLong(10, keyed.row().at().toEpochMilli());
        });
  }

  /**
   * Binds dataset_id, kind, value, number, doc and observed_at from {@code first} on; the value's
   * JSON text is what distinctCount compares.
   */
  static void bindInstance(PreparedStatement statement, int first, Attribute instance)
      throws SQLException {
    statement.setString(first, instance.datasetId());
    statement.setString(first + 1, instance.kind().name());
    statement.setString(first + 2, instance.value().toString());
    if (instance.value().isNumber()) {
      statement.setDouble(first + 3, instance.value().asDouble());
    } else {
      statement.setNull(first + 3, Types.REAL);
    }
    statement.setString(first + 4, encode(instance));
    if (instance.observedAt() == null) {
      statement.setNull(first + 5, Types.INTEGER);
    } else {
      statement.setLong(first + 5, instance.observedAt().toEpochMilli());
    }
  }

  /** The instance without system times, in the store's normalized form. */
  static String encode(Attribute instance) {
    return StoredEntityCodec.encode(
        new Entity(
            HOLDER,
            List.of(HOLDER),
            List.of(),
            Map.of(HOLDER, List.of(instance.withSystemTimes(null, null))),
            null,
            null));
  }

  static Attribute decode(String doc) {
    return StoredEntityCodec.decode(doc).attributes().get(HOLDER).getFirst();
  }

  static String instanceId(long pk) {
    return INSTANCE_PREFIX + pk;
  }

  /** The row key of an instanceId this store assigned, if it is one. */
  static Optional<Long> instancePk(String instanceId) {
    if (!instanceId.startsWith(INSTANCE_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(instanceId.substring(INSTANCE_PREFIX.length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
