package org.sundwerk.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.postgresql.ds.PGSimpleDataSource;
import org.sundwerk.store.JsonPath;
import org.sundwerk.store.Sql;
import org.sundwerk.store.SqlDialect;
import org.sundwerk.store.StatementCache;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PostgreSQL 15 or later with PostGIS: documents in JSONB, bounding boxes as PostGIS polygons (SRID
 * 4326) behind a GiST index, regular expressions with {@code ~} (POSIX ARE; see {@link JavaRegex}
 * for the translation), upserts with {@code ON CONFLICT}.
 *
 * <p>A write transaction runs with auto-commit off between {@link #begin} and {@link #commit}:
 * savepoints isolate the writer's mutations, and a commit returns once PostgreSQL has flushed its
 * WAL (with the server's default {@code synchronous_commit=on}). PostgreSQL locks rows, not the
 * database, so {@link #begin} takes no lock: the single writer serialises the writes of one node
 * only, and several nodes on one database serialise on the entities they write through {@link
 * #lockEntities}.
 *
 * <p>Text comparisons of document values use the {@code "C"} collation, i.e. code point order, as
 * SQLite compares text; numbers compare as JSON numbers.
 */
public final class PostgresDialect implements SqlDialect {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The first key of the two-key advisory locks on entities; other lock users pick others. */
  public static final int ENTITY_LOCK_CLASS = 1;

  private final String jdbcUrl;
  private final String user;
  private final String password;

  /**
   * A database at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/database?...}); {@code user}
   * and {@code password} may be empty.
   */
  public PostgresDialect(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  @Override
  public String migrationLocation() {
    return "classpath:db/migration/postgres";
  }

  @Override
  public boolean partitionsTemporalInstances() {
    return true;
  }

  /**
   * Names of the connections of each role as the server lists them ({@code application_name} in
   * {@code pg_stat_activity}), so that an operator (or a test) can tell them apart.
   */
  public static final String WRITER = "sundwerk-writer";

  public static final String READER = "sundwerk-reader";
  public static final String SIGNALS = "sundwerk-signals";
  public static final String LEADERSHIP = "sundwerk-leadership";

  private static final long READ_CONNECTION_TIMEOUT_MILLIS = 5_000;

  @Override
  public Connection openWriteConnection() throws SQLException {
    PGSimpleDataSource source = dataSource();
    source.setApplicationName(WRITER);
    // The writer sends each statement kind of a batch as one JDBC batch; the driver turns a batch
    // of INSERTs into multi-row INSERTs (up to 128 rows each), sent in one round trip.
    source.setReWriteBatchedInserts(true);
    return source.getConnection();
  }

  /** A new connection of its own, named {@code applicationName} on the server. */
  public Connection openConnection(String applicationName) throws SQLException {
    PGSimpleDataSource source = dataSource();
    source.setApplicationName(applicationName);
    return source.getConnection();
  }

  /**
   * Read connections plan every query for its actual parameters ({@code plan_cache_mode =
   * force_custom_plan}): the selectivity of a query's criteria (a rare attribute or value, a small
   * or large tenant) decides whether an index pays, and a generic plan cached after a few
   * executions would fix that choice for all values. Planning costs well under a millisecond. Any
   * {@code options} of the URL are kept.
   */
  @Override
  public DataSource openReadPool(int size) {
    PGSimpleDataSource source = dataSource();
    String options = source.getOptions() == null ? "" : source.getOptions() + " ";
    source.setOptions(options + "-c plan_cache_mode=force_custom_plan");
    source.setApplicationName(READER);
    HikariConfig config = new HikariConfig();
    config.setDataSource(source);
    config.setPoolName("sundwerk-postgres");
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    // A read waits this long for a connection, then fails (answered 503) instead of hanging for
    // Hikari's default 30 s while the server restarts; the pool replaces broken connections itself.
    config.setConnectionTimeout(READ_CONNECTION_TIMEOUT_MILLIS);
    return new HikariDataSource(config);
  }

  /** An empty user or password leaves the one in the URL (or the driver's default) in place. */
  private PGSimpleDataSource dataSource() {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(jdbcUrl);
    if (!user.isEmpty()) {
      source.setUser(user);
    }
    if (!password.isEmpty()) {
      source.setPassword(password);
    }
    return source;
  }

  /**
   * Turns auto-commit off; the driver sends {@code BEGIN} with the transaction's first statement.
   * Works on the writer's connection and on pooled ones alike: {@link #commit} and {@link
   * #rollback} turn auto-commit back on.
   */
  @Override
  public void begin(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    connection.commit();
    connection.setAutoCommit(true);
  }

  @Override
  public boolean sharedByNodes() {
    return true;
  }

  /**
   * Transaction-scoped advisory locks on a 32-bit hash of each key (class {@value
   * #ENTITY_LOCK_CLASS}), taken in ascending hash order in one statement: the order makes two
   * writers' batches wait for each other instead of deadlocking, and advisory locks cover entities
   * that do not exist yet, which row locks cannot. Two keys with the same hash only serialise more
   * than needed. A lock is taken only after earlier transactions holding it committed, so the reads
   * that follow (READ COMMITTED) see their writes.
   */
  @Override
  public void lockEntities(Connection connection, List<String> keys) throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement lock =
        connection.prepareStatement(
            "SELECT count(pg_advisory_xact_lock("
                + ENTITY_LOCK_CLASS
                + ", h)) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(?::text[]) AS k"
                + " ORDER BY h) AS sorted")) {
      lock.setArray(1, connection.createArrayOf("text", keys.toArray()));
      lock.executeQuery().close();
    }
  }

  @Override
  public String forUpdateSkipLocked() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  public void rollback(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
      connection.setAutoCommit(true);
    } catch (SQLException connectionGone) {
      // Nothing to roll back on a broken connection: the server aborts the transaction itself.
    }
  }

  @Override
  public String documentParameter() {
    return "CAST(? AS jsonb)";
  }

  @Override
  public String documentText(String column) {
    return "CAST(" + column + " AS text)";
  }

  @Override
  public Optional<Sql> jsonValue(String column, JsonPath path) {
    return Optional.of(
        new Sql().append("(" + column + " #>> CAST(").param(path(path)).append(" AS text[]))"));
  }

  /**
   * Numbers compare as JSONB numbers (numerically), text as SQL text in the {@code "C"} collation:
   * the extracted JSONB value or text has one static type, unlike SQLite's {@code json_extract}.
   */
  @Override
  public Optional<Sql> jsonCompare(
      String column, JsonPath path, String sqlOperator, Object literal) {
    Sql sql = new Sql();
    if (literal instanceof String) {
      sql.append("((" + column + " #>> CAST(")
          .param(path(path))
          .append(" AS text[])) COLLATE \"C\"")
          .append(sqlOperator)
          .param(literal)
          .append(")");
    } else {
      sql.append("((" + column + " #> CAST(")
          .param(path(path))
          .append(" AS text[]))")
          .append(sqlOperator)
          .append("to_jsonb(CAST(")
          .param(literal)
          .append(" AS double precision)))");
    }
    return Optional.of(sql);
  }

  /**
   * Maps {@code jsonb_typeof} to SQLite's {@code json_type} names, as the interface demands: {@code
   * string} is {@code text}, a boolean is {@code true} or {@code false}, a number without fraction
   * or exponent is {@code integer}, any other {@code real}.
   */
  @Override
  public Optional<Sql> jsonType(String column, JsonPath path) {
    Sql value =
        new Sql().append("(" + column + " #> CAST(").param(path(path)).append(" AS text[]))");
    return Optional.of(
        new Sql()
            .append("(SELECT CASE jsonb_typeof(v) WHEN 'string' THEN 'text'")
            .append(" WHEN 'boolean' THEN CAST(v AS text)")
            .append(" WHEN 'number' THEN CASE WHEN CAST(v AS text) ~ '^-?[0-9]+$'")
            .append(" THEN 'integer' ELSE 'real' END")
            .append(" ELSE jsonb_typeof(v) END FROM (SELECT ")
            .append(value)
            .append(" AS v) AS j)"));
  }

  /**
   * {@code CASE WHEN condition THEN TRUE ELSE FALSE END}. The planner has no statistics on values
   * inside documents and multiplies default selectivities: the type test and range comparison of
   * {@code q=a>50;b<20} came to 1e-5, one row of 100,000 where 10% match, so it chose to filter the
   * whole tenant and sort (467 ms) over walking the primary key until the page is full (3 ms). A
   * CASE expression is estimated at one half. The cost: a query that matches nothing now walks the
   * key order too (805 instead of 301 ms for 100,000 entities; EXPLAIN ANALYZE on the bench data).
   */
  @Override
  public Sql withNeutralEstimate(Sql condition) {
    return new Sql().append("(CASE WHEN ").append(condition).append(" THEN TRUE ELSE FALSE END)");
  }

  /**
   * JSONB containment ({@code @>}) of the path with the literal at its end, served by the GIN index
   * {@code entity_doc_paths} (V6). An array index step becomes a one-element array, which contains
   * the literal at any position, not only at that index: a superset, as the interface allows.
   * Numbers compare numerically in containment as in the exact comparison.
   */
  @Override
  public Optional<Sql> jsonEqualityPrefilter(String column, JsonPath path, Object literal) {
    JsonNode contained =
        switch (literal) {
          case Double number when Double.isFinite(number) ->
              JSON.getNodeFactory().numberNode(number);
          case String text -> JSON.getNodeFactory().stringNode(text);
          case Boolean bool -> JSON.getNodeFactory().booleanNode(bool);
          default -> null;
        };
    if (contained == null || path.steps().isEmpty()) {
      return Optional.empty();
    }
    List<Object> steps = path.steps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i) instanceof String member) {
        ObjectNode object = JSON.createObjectNode();
        object.set(member, contained);
        contained = object;
      } else {
        ArrayNode array = JSON.createArrayNode();
        array.add(contained);
        contained = array;
      }
    }
    return Optional.of(
        new Sql()
            .append("(" + column + " @> CAST(")
            .param(JSON.writeValueAsString(contained))
            .append(" AS jsonb))"));
  }

  /** A PostgreSQL text array literal of the path's steps, array indexes as decimal text. */
  private static String path(JsonPath path) {
    return path.steps().stream()
        .map(step -> '"' + step.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"')
        .collect(Collectors.joining(",", "{", "}"));
  }

  /**
   * False, not SQL NULL, when {@code expression} is NULL, as on SQLite: a negated match over a
   * missing member must not turn the whole condition NULL.
   */
  @Override
  public Sql regexp(Sql expression, String javaRegex) {
    return new Sql()
        .append("COALESCE(")
        .append(expression)
        .append(" ~ ")
        .param(JavaRegex.toPosix(javaRegex))
        .append(", FALSE)");
  }

  @Override
  public boolean streamsOnlyInTransactions() {
    return true;
  }

  /**
   * The candidates as an array computed first from the GiST index, then probed by primary key: with
   * {@code pk IN (subquery)} the planner joined the candidates to a scan of every entity_type row
   * of the tenant (8 ms at 20,000 entities after ANALYZE, growing with the tenant; at 100,000 the
   * bench's near queries held their connections for more than 30 s), with {@code = ANY
   * (ARRAY(...))} it probes entity and entity_type by key for the few hundred candidates, whatever
   * the tenant's size.
   */
  @Override
  public Sql geoPrefilter(String pkColumn, String tenant, String attribute, Envelope envelope) {
    return new Sql()
        .append(pkColumn)
        .append(" = ANY (ARRAY(SELECT g.entity_pk FROM entity_geo g WHERE g.bbox && ")
        .append(envelope(envelope))
        .append(" AND g.tenant = ")
        .param(tenant)
        .append(" AND g.attribute = ")
        .param(attribute)
        .append("))");
  }

  private static Sql envelope(Envelope envelope) {
    return new Sql()
        .append("ST_MakeEnvelope(")
        .param(envelope.getMinX())
        .append(", ")
        .param(envelope.getMinY())
        .append(", ")
        .param(envelope.getMaxX())
        .append(", ")
        .param(envelope.getMaxY())
        .append(", 4326)");
  }

  @Override
  public void deleteBoxes(StatementCache statements, List<EntityBoxes> previous)
      throws SQLException {
    statements.executeBatch(
        "DELETE FROM entity_geo WHERE entity_pk = ?",
        previous,
        (delete, entity) -> delete.setLong(1, entity.entityPk()));
  }

  /** A box with the entity it belongs to. */
  private record EntityBox(EntityBoxes entity, Box box) {}

  @Override
  public void insertBoxes(StatementCache statements, List<EntityBoxes> boxes) throws SQLException {
    statements.executeBatch(
        "INSERT INTO entity_geo (tenant, entity_pk, attribute, bbox)"
            + " VALUES (?, ?, ?, ST_MakeEnvelope(?, ?, ?, ?, 4326))",
        boxes.stream()
            .flatMap(entity -> entity.boxes().stream().map(box -> new EntityBox(entity, box)))
            .toList(),
        (insert, row) -> {
          insert.setString(1, row.entity().tenant());
          insert.setLong(2, row.entity().entityPk());
          insert.setString(3, row.box().attribute());
          insert.setDouble(4, row.box().envelope().getMinX());
          insert.setDouble(5, row.box().envelope().getMinY());
          insert.setDouble(6, row.box().envelope().getMaxX());
          insert.setDouble(7, row.box().envelope().getMaxY());
        });
  }

  /** Values of the column's identity sequence, in one round trip. */
  @Override
  public List<Long> allocateKeys(StatementCache statements, String table, int count)
      throws SQLException {
    PreparedStatement next =
        statements.prepare(
            "SELECT nextval(pg_get_serial_sequence(?, 'pk')) FROM generate_series(1, ?)");
    next.setString(1, table);
    next.setInt(2, count);
    List<Long> keys = new ArrayList<>(count);
    try (ResultSet rows = next.executeQuery()) {
      while (rows.next()) {
        keys.add(rows.getLong(1));
      }
    }
    return keys;
  }

  /** The identity columns are GENERATED ALWAYS, which refuses an explicit value otherwise. */
  @Override
  public String explicitKey() {
    return " OVERRIDING SYSTEM VALUE";
  }

  @Override
  public String inTexts(String column) {
    return column + " = ANY(?)";
  }

  @Override
  public void bindTexts(PreparedStatement statement, int index, List<String> values)
      throws SQLException {
    statement.setArray(index, statement.getConnection().createArrayOf("text", values.toArray()));
  }
}
