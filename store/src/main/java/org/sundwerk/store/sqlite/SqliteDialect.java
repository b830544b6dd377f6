package org.sundwerk.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.query.Regex;
import org.sundwerk.store.JsonPath;
import org.sundwerk.store.RegexBudget;
import org.sundwerk.store.Sql;
import org.sundwerk.store.SqlDialect;
import org.sundwerk.store.StatementCache;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * SQLite: one database file {@code sundwerk.db} in a data directory, WAL journal, {@code
 * synchronous=FULL} (a commit is on disk when it returns), foreign keys on, a busy timeout for the
 * rare second writer, JSON1 functions for document paths, an R*Tree for bounding boxes and a
 * linear-time {@code REGEXP} function ({@link Regex}) registered on every connection.
 */
public final class SqliteDialect implements SqlDialect {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** How long a connection waits for a lock another connection holds, in milliseconds. */
  private static final int BUSY_TIMEOUT_MS = 30_000;

  private final Path databaseFile;

  /** The REGEXP function of each open connection, to restart its budget on checkout. */
  private final Map<SQLiteConnection, Regexp> regexps =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Matching time per read in {@code REGEXP}; see {@link RegexBudget}. */
  private final Duration regexBudget;

  /** Uses (and creates if needed) {@code dataDirectory/sundwerk.db}. */
  public SqliteDialect(Path dataDirectory) {
    this(dataDirectory, RegexBudget.PER_READ);
  }

  /**
   * Uses (and creates if needed) {@code dataDirectory/sundwerk.db}; a read fails with
   * TooComplexQuery once it spent more than {@code regexBudget} matching regular expressions.
   */
  public SqliteDialect(Path dataDirectory, Duration regexBudget) {
    this.regexBudget = regexBudget;
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDirectory, e);
    }
    this.databaseFile = dataDirectory.resolve("sundwerk.db");
  }

  @Override
  public String migrationLocation() {
    return "classpath:db/migration/sqlite";
  }

  @Override
  public Connection openWriteConnection() throws SQLException {
    Connection connection = dataSource().getConnection();
    exec(connection, "PRAGMA cache_size = -65536");
    return connection;
  }

  /**
   * Each checkout of a read connection starts a fresh {@link RegexBudget} for its {@code REGEXP}
   * function.
   */
  @Override
  public DataSource openReadPool(int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource());
    config.setPoolName("sundwerk-sqlite");
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    return new HikariDataSource(config) {
      @Override
      public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        Regexp regexp = regexps.get(connection.unwrap(SQLiteConnection.class));
        if (regexp != null) {
          regexp.startBudget();
        }
        return connection;
      }
    };
  }

  /** Bits of an R*Tree rowid that number the boxes of one entity. */
  private static final int SLOT_BITS = 10;

  private static final int MAX_BOXES = 1 << SLOT_BITS;

  /** Connections with the pragmas set and REGEXP registered. */
  private DataSource dataSource() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    // Reads go through read(2), never through a memory map of the database file: a page of a map
    // that the file no longer backs (truncated, or a full disk under a sparse file) raises SIGBUS
    // in native code, which kills the JVM instead of failing one statement. The WAL index (-shm)
    // is mapped regardless in WAL mode; SQLite writes every page of it when growing it, so a full
    // disk fails with SQLITE_IOERR there too, but a -shm truncated from outside still kills the
    // JVM (see issue 12).
    config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, "0");
    config.enforceForeignKeys(true);
    // The driver otherwise runs (and prepares anew) "SELECT last_insert_rowid()" after every
    // INSERT for getGeneratedKeys, which this store never calls (it uses RETURNING): 13% of the
    // writer's samples while bulk-creating entities.
    config.setGetGeneratedKeys(false);
    SQLiteDataSource source =
        new SQLiteDataSource(config) {
          @Override
          public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            Regexp regexp = new Regexp(regexBudget.toNanos());
            Function.create(connection, "regexp", regexp);
            regexps.put(connection.unwrap(SQLiteConnection.class), regexp);
            return connection;
          }
        };
    source.setUrl("jdbc:sqlite:" + databaseFile.toAbsolutePath());
    return source;
  }

  @Override
  public void begin(Connection connection) throws SQLException {
    exec(connection, "BEGIN IMMEDIATE");
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    exec(connection, "COMMIT");
  }

  @Override
  public void rollback(Connection connection) {
    // The writer runs in auto-commit mode with explicit BEGIN, so the driver does not know the
    // transaction state: SQLite reports an error if there is none, which is the wanted end state.
    try {
      exec(connection, "ROLLBACK");
    } catch (SQLException noTransaction) {
      // already rolled back
    }
  }

  private static void exec(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public String documentParameter() {
    return "jsonb(?)";
  }

  @Override
  public String documentText(String column) {
    return "json(" + column + ")";
  }

  @Override
  public Optional<Sql> jsonValue(String column, JsonPath path) {
    return render(path)
        .map(p -> new Sql().append("json_extract(" + column + ", ").param(p).append(")"));
  }

  @Override
  public Optional<Sql> jsonType(String column, JsonPath path) {
    return render(path)
        .map(p -> new Sql().append("json_type(" + column + ", ").param(p).append(")"));
  }

  /** SQLite path syntax {@code $."a"[0]."b"}; a member name with a double quote has no form. */
  private static Optional<String> render(JsonPath path) {
    StringBuilder out = new StringBuilder("$");
    for (Object step : path.steps()) {
      if (step instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        String name = (String) step;
        if (name.indexOf('"') >= 0) {
          return Optional.empty();
        }
        out.append(".\"").append(name).append('"');
      }
    }
    return Optional.of(out.toString());
  }

  @Override
  public Sql regexp(Sql expression, String javaRegex) {
    return new Sql().append("(").append(expression).append(" REGEXP ").param(javaRegex).append(")");
  }

  /**
   * One R*Tree search (see migration V8): the entities with a box of any GeoProperty overlapping
   * the envelope, in any tenant. A superset by design: the caller keeps its tenant condition and
   * tests the exact predicate on {@code attribute} afterwards.
   */
  @Override
  public Sql geoPrefilter(String pkColumn, String tenant, String attribute, Envelope envelope) {
    return new Sql()
        .append(pkColumn)
        .append(" IN (SELECT b.id >> " + SLOT_BITS + " FROM entity_box b WHERE b.max_x >= ")
        .param(envelope.getMinX())
        .append(" AND b.min_x <= ")
        .param(envelope.getMaxX())
        .append(" AND b.max_y >= ")
        .param(envelope.getMinY())
        .append(" AND b.min_y <= ")
        .param(envelope.getMaxY())
        .append(")");
  }

  /** A box of an entity with its R*Tree row id. */
  private record SlotBox(long id, Box box) {}

  private static List<SlotBox> slots(List<EntityBoxes> boxes) {
    List<SlotBox> slots = new ArrayList<>();
    for (EntityBoxes entity : boxes) {
      for (int slot = 0; slot < entity.boxes().size(); slot++) {
        slots.add(new SlotBox(boxId(entity.entityPk(), slot), entity.boxes().get(slot)));
      }
    }
    return slots;
  }

  @Override
  public void deleteBoxes(StatementCache statements, List<EntityBoxes> previous)
      throws SQLException {
    statements.executeBatch(
        "DELETE FROM entity_box WHERE id = ?",
        slots(previous),
        (delete, slot) -> delete.setLong(1, slot.id()));
  }

  @Override
  public void insertBoxes(StatementCache statements, List<EntityBoxes> boxes) throws SQLException {
    for (EntityBoxes entity : boxes) {
      if (entity.boxes().size() > MAX_BOXES) {
        throw NgsiLdException.badRequestData(
            "an entity may have at most "
                + MAX_BOXES
                + " GeoProperty instances, not "
                + entity.boxes().size());
      }
    }
    statements.executeBatch(
        "INSERT INTO entity_box VALUES (?, ?, ?, ?, ?)",
        slots(boxes),
        (insert, slot) -> {
          insert.setLong(1, slot.id());
          insert.setDouble(2, slot.box().envelope().getMinX());
          insert.setDouble(3, slot.box().envelope().getMaxX());
          insert.setDouble(4, slot.box().envelope().getMinY());
          insert.setDouble(5, slot.box().envelope().getMaxY());
        });
  }

  /**
   * The keys after the largest in use: the writer holds the database's write lock for the whole
   * transaction ({@link #begin}), so no other connection takes them meanwhile. A key freed by a
   * deletion may be taken again, as SQLite's own rowid choice does.
   */
  @Override
  public List<Long> allocateKeys(StatementCache statements, String table, int count)
      throws SQLException {
    long largest;
    try (ResultSet row =
        statements.prepare("SELECT coalesce(max(pk), 0) FROM " + table).executeQuery()) {
      row.next();
      largest = row.getLong(1);
    }
    return LongStream.rangeClosed(largest + 1, largest + count).boxed().toList();
  }

  /** A JSON array of the values, read with {@code json_each}. */
  @Override
  public String inTexts(String column) {
    return column + " IN (SELECT value FROM json_each(?))";
  }

  @Override
  public void bindTexts(PreparedStatement statement, int index, List<String> values)
      throws SQLException {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    statement.setString(index, array.toString());
  }

  private static long boxId(long entityPk, int slot) {
    return (entityPk << SLOT_BITS) | slot;
  }

  /**
   * {@code X REGEXP P} calls {@code regexp(P, X)}: {@link Regex} syntax, find semantics, NULL is
   * false. It runs inside SQLite's native callback, where a slow match pins the carrier thread of
   * the calling virtual thread; RE2/J keeps each match linear in the text.
   */
  private static final class Regexp extends Function {

    private final long budgetNanos;

    /**
     * Matching time since the connection was checked out from the read pool, and whether it was
     * (the writer's connection has no budget). Guarded by the pool: one thread uses a connection at
     * a time, and the function runs on that thread.
     */
    private long spentNanos;

    private boolean budgeted;

    Regexp(long budgetNanos) {
      this.budgetNanos = budgetNanos;
    }

    void startBudget() {
      spentNanos = 0;
      budgeted = true;
    }

    @Override
    protected void xFunc() throws SQLException {
      if (budgeted && spentNanos > budgetNanos) {
        throw new SQLException(RegexBudget.EXCEEDED);
      }
      String regex = value_text(0);
      String text = value_text(1);
      if (regex == null || text == null) {
        result(0);
        return;
      }
      long start = System.nanoTime();
      // Client patterns were validated against Regex's limits when the query was parsed; the
      // store's
      // own (scope paths) need not fit them.
      boolean found = Regex.trusted(regex).find(text);
      spentNanos += System.nanoTime() - start;
      result(found ? 1 : 0);
    }
  }
}
