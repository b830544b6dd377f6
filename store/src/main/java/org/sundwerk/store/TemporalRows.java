package org.sundwerk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
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

  /** Adds the types the entity does not have yet. */
  static void addTypes(StatementCache statements, String tenant, long pk, List<String> types)
      throws SQLException {
    MultiRowInsert.insert(
        statements,
        "INSERT INTO temporal_type (tenant, entity_pk, type)",
        " ON CONFLICT (entity_pk, type) DO NOTHING",
        3,
        types,
        (insert, first, type) -> {
          insert.setString(first, tenant);
          insert.setLong(first + 1, pk);
          insert.setString(first + 2, type);
        });
  }

  /** An instance of attribute {@code name} to record, with createdAt and modifiedAt {@code at}. */
  record InstanceRow(String name, Attribute instance, Instant at) {}

  /** Inserts the instances of one entity, several per statement. */
  static void insertInstances(StatementCache statements, long entityPk, List<InstanceRow> rows)
      throws SQLException {
    MultiRowInsert.insert(
        statements,
        "INSERT INTO temporal_instance (entity_pk, attribute, dataset_id, kind, value, number,"
            + " doc, observed_at, created_at, modified_at)",
        "",
        10,
        rows,
        (insert, first, row) -> {
          insert.setLong(first, entityPk);
          insert.setString(first + 1, row.name());
          bindInstance(insert, first + 2, row.instance());
          insert.setLong(first + 8, row.at().toEpochMilli());
          insert.setLong(first + 9, row.at().toEpochMilli());
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
