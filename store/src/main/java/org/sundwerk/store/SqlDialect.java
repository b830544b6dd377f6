package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;

/**
 * What differs between the databases the store runs on. All SQL that is the same everywhere lives
 * in the store core ({@link JdbcEntityStore}, {@link JdbcContextStore}); a dialect only renders the
 * few expressions and statements that differ, and names its migrations. Implementations are
 * stateless and thread-safe.
 */
public interface SqlDialect {

  /** Flyway location of this dialect's migrations, e.g. {@code classpath:db/migration/sqlite}. */
  String migrationLocation();

  /**
   * Opens the single connection the writer thread uses for every write, configured for durable
   * commits; the caller owns and closes it.
   */
  Connection openWriteConnection() throws SQLException;

  /** A pool of connections for reads and the rare writes outside the writer thread. */
  DataSource openReadPool(int size);

  /** Starts a write transaction that takes the write lock at once (no lock upgrade later). */
  void begin(Connection connection) throws SQLException;

  void commit(Connection connection) throws SQLException;

  /** Rolls back the current write transaction if there is one; never fails. */
  void rollback(Connection connection);

  /**
   * Whether several nodes may share this database. A shared database has each node's writer lock
   * the entities it writes ({@link #lockEntities}) and the notifiers claim outbox rows with a lease
   * instead of reading them past a cursor. A single-node database (SQLite) serialises every write
   * in its one writer and needs neither.
   */
  default boolean sharedByNodes() {
    return false;
  }

  /**
   * Locks the entities with the given keys until the current transaction ends, waiting for other
   * nodes' writers that hold them; the keys may name entities that do not exist yet, so that two
   * nodes creating the same entity serialise too. The caller passes every key of its transaction at
   * once, so that two writers never wait for each other in a cycle. Nothing to do where one writer
   * owns the database.
   */
  default void lockEntities(Connection connection, List<String> keys) throws SQLException {}

  /**
   * Appended to a {@code SELECT} in a write transaction that claims rows: the rows it returns are
   * locked, and rows another transaction has locked are skipped instead of waited for. Empty where
   * the transaction already holds the database's write lock.
   */
  default String forUpdateSkipLocked() {
    return "";
  }

  /**
   * The placeholder expression that turns a bound JSON text into the stored document form, e.g.
   * {@code jsonb(?)}: documents are stored in the dialect's binary JSON so that queries do not
   * parse text per row.
   */
  String documentParameter();

  /** An expression that reads the stored document in {@code column} back as JSON text. */
  String documentText(String column);

  /**
   * Appends an expression that yields the scalar at {@code path} of the JSON document in {@code
   * column} as a SQL value (number, text, boolean as the dialect's type), or SQL NULL if absent;
   * empty if the path cannot be expressed in this dialect.
   */
  Optional<Sql> jsonValue(String column, JsonPath path);

  /**
   * An expression that yields the JSON type of the value at {@code path}: one of {@code null},
   * {@code true}, {@code false}, {@code integer}, {@code real}, {@code text}, {@code array}, {@code
   * object}, or SQL NULL if absent; empty if the path cannot be expressed.
   */
  Optional<Sql> jsonType(String column, JsonPath path);

  /**
   * A boolean expression: the scalar at {@code path} compared by {@code sqlOperator} (e.g. {@code "
   * >= "}) with {@code literal}, a {@link Double} or a {@link String}; the caller has already
   * checked that the value's JSON type matches the literal's. Text compares in code point order.
   * Empty if the path cannot be expressed. By default {@link #jsonValue} compared with a bound
   * parameter, for dialects whose JSON extraction yields a dynamically typed value.
   */
  default Optional<Sql> jsonCompare(
      String column, JsonPath path, String sqlOperator, Object literal) {
    return jsonValue(column, path).map(value -> value.append(sqlOperator).param(literal));
  }

  /**
   * {@code condition} (a test of one document value) in a form whose selectivity the planner does
   * not guess from defaults; it must hold exactly when {@code condition} is true. The default is
   * the condition itself.
   */
  default Sql withNeutralEstimate(Sql condition) {
    return condition;
  }

  /**
   * A boolean expression that holds whenever the JSON value at {@code path} equals {@code literal}
   * (a {@link Double}, {@link String} or {@link Boolean}) and that the database can answer from an
   * index; it may also hold otherwise, since the caller ANDs it with the exact comparison. Empty,
   * the default, for a dialect without such an index.
   */
  default Optional<Sql> jsonEqualityPrefilter(String column, JsonPath path, Object literal) {
    return Optional.empty();
  }

  /**
   * A boolean expression: {@code expression} matches the regular expression (find), which the
   * caller validated with {@link org.sundwerk.ngsild.query.Regex} or built itself.
   */
  Sql regexp(Sql expression, String javaRegex);

  /**
   * An insert-or-replace statement keyed on {@code keyColumns} that sets all {@code columns}
   * (placeholders in the order of {@code columns}).
   */
  default String upsert(String table, List<String> keyColumns, List<String> columns) {
    // ON CONFLICT ... DO UPDATE is understood by SQLite (3.24+) and PostgreSQL alike.
    String placeholders = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    String updates =
        columns.stream()
            .filter(c -> !keyColumns.contains(c))
            .map(c -> c + " = excluded." + c)
            .collect(Collectors.joining(", "));
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + placeholders
        + ") ON CONFLICT ("
        + String.join(", ", keyColumns)
        + ") DO UPDATE SET "
        + updates;
  }

  /** Appends {@code LIMIT}/{@code OFFSET}; override for a dialect that spells paging otherwise. */
  default void page(Sql sql, int limit, int offset) {
    sql.append(" LIMIT ").param(limit).append(" OFFSET ").param(offset);
  }

  /**
   * Whether the driver fetches a result lazily (in chunks of the statement's fetch size) only
   * inside a transaction and buffers all rows otherwise, as PostgreSQL's does; SQLite's always
   * steps lazily.
   */
  default boolean streamsOnlyInTransactions() {
    return false;
  }

  /**
   * A boolean expression on the entity's internal key {@code pkColumn} that holds at least for
   * every entity of {@code tenant} with an instance of GeoProperty {@code attribute} whose bounding
   * box intersects {@code envelope}; it may hold for more (other GeoProperties, other tenants), so
   * callers keep their tenant condition and test the exact predicate afterwards.
   */
  Sql geoPrefilter(String pkColumn, String tenant, String attribute, Envelope envelope);

  /**
   * Deletes the bounding boxes of entities, inside the writer's transaction; each entry's boxes are
   * those {@link #insertBoxes} last wrote for that entity. One statement execution (a JDBC batch)
   * for all of them.
   */
  void deleteBoxes(StatementCache statements, List<EntityBoxes> previous) throws SQLException;

  /**
   * Adds bounding boxes of entities, inside the writer's transaction, as one JDBC batch.
   *
   * @throws org.sundwerk.ngsild.error.NgsiLdException BadRequestData if an entity has more boxes
   *     than the dialect can key
   */
  void insertBoxes(StatementCache statements, List<EntityBoxes> boxes) throws SQLException;

  /** The bounding boxes of one entity. */
  record EntityBoxes(String tenant, long entityPk, List<Box> boxes) {
    public EntityBoxes {
      boxes = List.copyOf(boxes);
    }
  }

  /**
   * Takes {@code count} new values of the identity key {@code pk} of {@code table} in one
   * statement, so that the writer can insert many rows with their keys known beforehand (and the
   * rows that refer to them in the same batch). Inside the writer's transaction; rows inserted with
   * them name the key explicitly, after {@link #explicitKey}.
   */
  List<Long> allocateKeys(StatementCache statements, String table, int count) throws SQLException;

  /**
   * What follows the column list of an INSERT that sets an identity key explicitly (e.g. {@code
   * OVERRIDING SYSTEM VALUE}); empty where a key column takes any value.
   */
  default String explicitKey() {
    return "";
  }

  /**
   * A condition that text {@code column} is one of a list bound as ONE parameter with {@link
   * #bindTexts}, so that the statement is the same for any number of values (a batch reads all its
   * rows in one execution of one cached statement).
   */
  String inTexts(String column);

  /** Binds {@code values} to the parameter of an {@link #inTexts} condition. */
  void bindTexts(PreparedStatement statement, int index, List<String> values) throws SQLException;

  /** The bounding box of one GeoProperty instance. */
  record Box(String attribute, Envelope envelope) {}

  /**
   * Whether {@code temporal_instance} is in monthly partitions ({@link TemporalPartitions}) that
   * must be created ahead of need and can be dropped whole.
   */
  default boolean partitionsTemporalInstances() {
    return false;
  }
}
