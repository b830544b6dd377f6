package org.sundwerk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.sundwerk.broker.entity.AttributeSummary;
import org.sundwerk.broker.entity.EntityMutation;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.entity.EntityStore;
import org.sundwerk.broker.entity.TypeSummary;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.broker.paging.Paging;
import org.sundwerk.ngsild.geo.Geo;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.ngsild.query.GeoQuery;
import org.sundwerk.ngsild.query.QueryEvaluator;

/**
 * The {@link EntityStore} on a relational database: one JSON document per entity plus indexed side
 * tables, all SQL here and the differences in a {@link SqlDialect}.
 *
 * <p>Writes go through one writer thread with group commit (see {@link GroupCommitWriter}); an
 * acknowledged write is committed durably. Reads use a pool of connections and run concurrently
 * with the writer, seeing the last committed state. Thread-safe; {@link #close()} commits the
 * writes already queued and then refuses new ones.
 *
 * <p>Queries translate type, ids, idPattern, attrs and scopeQ to SQL exactly ({@link SelectionSql},
 * shared with the temporal store), and {@code q} where {@link QueryTranslator} can; then the
 * database pages and counts, reading one entity more than the page to tell whether more follow. A
 * {@code q} term SQL cannot express exactly, and every {@code geoQ}, select a superset in SQL (for
 * geoQ through the dialect's bounding-box index where the relation allows) and are decided per
 * candidate by {@link QueryEvaluator}, paging over the survivors in the same stable order.
 *
 * <p>System times are stored as the mutation sets them ({@code createdAt}/{@code modifiedAt} of the
 * entity and its attributes), at millisecond precision; the store does not invent them.
 */
public final class JdbcEntityStore implements EntityStore, AutoCloseable {

  private final StoreDatabase database;
  private final boolean ownsDatabase;
  private final SqlDialect dialect;
  private final GroupCommitWriter writer;
  private final QueryTranslator translator;
  private final SelectionSql selection;

  /** A store on a database that the caller opened and closes after this store. */
  public JdbcEntityStore(StoreDatabase database) {
    this(database, false, List.of());
  }

  /**
   * A store on a database that the caller opened, whose writes also run the recorders (temporal
   * history, notification outbox) in the same transaction.
   */
  public JdbcEntityStore(StoreDatabase database, List<ChangeRecorder<?>> recorders) {
    this(database, false, recorders);
  }

  /** The embedded default: SQLite in {@code dataDirectory/sundwerk.db}, closed with this store. */
  public JdbcEntityStore(Path dataDirectory) {
    this(StoreDatabase.sqlite(dataDirectory), true, List.of());
  }

  private JdbcEntityStore(
      StoreDatabase database, boolean ownsDatabase, List<ChangeRecorder<?>> recorders) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.dialect = database.dialect();
    this.translator = new QueryTranslator(dialect, "e");
    this.selection = SelectionSql.entities(dialect);
    try {
      this.writer = new GroupCommitWriter(dialect, recorders);
    } catch (SQLException e) {
      if (ownsDatabase) {
        database.close();
      }
      throw new IllegalStateException("cannot open the writer connection", e);
    }
  }

  @Override
  public <R> CompletableFuture<R> write(
      String tenant, String entityId, EntityMutation<R> mutation) {
    return writer.submit(tenant, entityId, mutation);
  }

  @Override
  public <R> CompletableFuture<R> writeOnce(
      String tenant, String entityId, String key, EntityMutation<R> mutation, R duplicate) {
    return writer.submitOnce(tenant, entityId, key, mutation, duplicate);
  }

  /**
   * Whether writes commit now: down while the database is unavailable to the writer (see {@link
   * GroupCommitWriter}), for health checks and readiness.
   */
  public WritePathStatus writePath() {
    return writer.status();
  }

  /** Runs SQL work for another store of this package (temporal history) on the single writer. */
  <R> CompletableFuture<R> writeDirect(WriterWork<R> work) {
    return writer.submit(work);
  }

  StoreDatabase database() {
    return database;
  }

  @Override
  public Optional<Entity> retrieve(String tenant, String entityId) {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT "
                    + dialect.documentText("doc")
                    + " FROM entity WHERE tenant = ? AND id = ?")) {
      select.setString(1, tenant);
      select.setString(2, entityId);
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? Optional.of(StoredEntityCodec.decode(row.getString(1)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed("retrieving " + entityId, e);
    }
  }

  @Override
  public Page<Entity> query(String tenant, EntityQuery query) {
    Sql where = new Sql().append(" WHERE e.tenant = ").param(tenant);
    selection.appendConditions(where, tenant, query);
    List<Predicate<Entity>> postFilters = new ArrayList<>();
    query
        .q()
        .ifPresent(
            q -> {
              QueryTranslator.Translation translation = translator.translate(q);
              where.append(" AND ").append(translation.condition());
              if (!translation.exact()) {
                postFilters.add(entity -> QueryEvaluator.matches(q, entity));
              }
            });
    query
        .geoQ()
        .ifPresent(
            geo -> {
              where.append(" AND ").append(geoPrefilter(tenant, geo));
              postFilters.add(entity -> QueryEvaluator.matches(geo, entity));
            });
    try (Connection connection = database.readPool().getConnection()) {
      return postFilters.isEmpty()
          ? sqlPage(connection, where, query.paging())
          : filteredPage(connection, where, query.paging(), postFilters);
    } catch (SQLException e) {
      throw failed("querying entities", e);
    }
  }

  /** Every criterion is in SQL: page and count in the database, decode only the page. */
  private Page<Entity> sqlPage(Connection connection, Sql where, Paging paging)
      throws SQLException {
    List<Entity> read = new ArrayList<>();
    if (paging.limit() > 0) {
      // Page over primary keys first, then read only the page's documents: a large offset then
      // skips index entries instead of whole rows. One more key than the page tells whether more
      // follow.
      Sql keys =
          new Sql().append("SELECT e.pk FROM entity e").append(where).append(" ORDER BY e.pk");
      dialect.page(keys, paging.limit() + 1, paging.offset());
      Sql select =
          new Sql()
              .append("SELECT " + dialect.documentText("d.doc") + " FROM entity d WHERE d.pk IN (")
              .append(keys)
              .append(") ORDER BY d.pk");
      try (PreparedStatement statement = select.prepare(connection);
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          read.add(StoredEntityCodec.decode(rows.getString(1)));
        }
      }
    }
    OptionalLong count = OptionalLong.empty();
    if (paging.count()) {
      Sql select = new Sql().append("SELECT count(*) FROM entity e").append(where);
      try (PreparedStatement statement = select.prepare(connection);
          ResultSet rows = statement.executeQuery()) {
        rows.next();
        count = OptionalLong.of(rows.getLong(1));
      }
    }
    return Page.ofOneMore(read, paging.limit(), count);
  }

  /**
   * Some criterion needs the in-memory evaluator: walk the SQL candidates in order, test each, and
   * page over the survivors; stop early unless the total count is wanted.
   */
  private Page<Entity> filteredPage(
      Connection connection, Sql where, Paging paging, List<Predicate<Entity>> filters)
      throws SQLException {
    Sql select =
        new Sql()
            .append("SELECT " + dialect.documentText("e.doc") + " FROM entity e")
            .append(where)
            .append(" ORDER BY e.pk");
    List<Entity> page = new ArrayList<>();
    long matched = 0;
    // Without a count the walk stops at the first match after the page (which tells that more
    // follow): a driver that would otherwise buffer every candidate (PostgreSQL's) then streams
    // them in chunks.
    boolean streamed = !paging.count() && dialect.streamsOnlyInTransactions();
    if (streamed) {
      connection.setAutoCommit(false);
    }
    try (PreparedStatement statement = select.prepare(connection);
        ResultSet rows = fetchInChunks(statement, paging, streamed).executeQuery()) {
      while (rows.next()) {
        Entity entity = StoredEntityCodec.decode(rows.getString(1));
        if (!filters.stream().allMatch(filter -> filter.test(entity))) {
          continue;
        }
        matched++;
        if (matched > paging.offset() && page.size() < paging.limit()) {
          page.add(entity);
        } else if (!paging.count() && page.size() >= paging.limit()) {
          break;
        }
      }
    }
    boolean more = matched > (long) paging.offset() + page.size();
    if (streamed) {
      connection.rollback(); // read only: nothing to keep
      connection.setAutoCommit(true);
    }
    return new Page<>(page, paging.count() ? OptionalLong.of(matched) : OptionalLong.empty(), more);
  }

  private static PreparedStatement fetchInChunks(
      PreparedStatement statement, Paging paging, boolean streamed) throws SQLException {
    if (streamed) {
      statement.setFetchSize(Math.max(64, 2 * (paging.offset() + paging.limit())));
    }
    return statement;
  }

  /**
   * A superset of the entities the geo-query selects: an index prefilter on the bounding box where
   * the relation allows one, else every entity that has the GeoProperty. The exact predicate runs
   * afterwards in memory.
   */
  private Sql geoPrefilter(String tenant, GeoQuery geo) {
    Optional<Envelope> envelope =
        switch (geo.relation()) {
          case DISJOINT -> Optional.empty();
          case NEAR -> geo.maxDistance().map(metres -> Geo.envelopeWithin(geo.geometry(), metres));
          default -> Optional.of(geo.geometry().getEnvelopeInternal());
        };
    if (envelope.isPresent()) {
      return dialect.geoPrefilter("e.pk", tenant, geo.geoproperty(), envelope.get());
    }
    return new Sql()
        .append("e.pk IN (SELECT a.entity_pk FROM entity_attribute a WHERE a.tenant = ")
        .param(tenant)
        .append(" AND a.name = ")
        .param(geo.geoproperty())
        .append(")");
  }

  @Override
  public boolean tenantExists(String tenant) {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT 1 FROM tenant WHERE name = ?")) {
      select.setString(1, tenant);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    } catch (SQLException e) {
      throw failed("looking up tenant " + tenant, e);
    }
  }

  @Override
  public List<TypeSummary> types(String tenant) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, Map<String, SortedSet<String>>> kinds = new TreeMap<>();
    try (Connection connection = database.readPool().getConnection()) {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT type, count(*) FROM entity_type WHERE tenant = ? GROUP BY type")) {
        select.setString(1, tenant);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            counts.put(rows.getString(1), rows.getLong(2));
          }
        }
      }
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT DISTINCT t.type, a.name, a.kind FROM entity_type t"
                  + " JOIN entity_attribute a ON a.entity_pk = t.entity_pk WHERE t.tenant = ?")) {
        select.setString(1, tenant);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            kinds
                .computeIfAbsent(rows.getString(1), k -> new TreeMap<>())
                .computeIfAbsent(rows.getString(2), k -> new TreeSet<>())
                .add(rows.getString(3));
          }
        }
      }
    } catch (SQLException e) {
      throw failed("summarising types", e);
    }
    List<TypeSummary> summaries = new ArrayList<>();
    counts.forEach(
        (type, count) -> {
          Map<String, Set<String>> attributeKinds = new TreeMap<>();
          kinds
              .getOrDefault(type, Map.of())
              .forEach(
                  (name, set) -> attributeKinds.put(name, Collections.unmodifiableSortedSet(set)));
          summaries.add(new TypeSummary(type, count, Collections.unmodifiableMap(attributeKinds)));
        });
    return List.copyOf(summaries);
  }

  @Override
  public List<AttributeSummary> attributes(String tenant) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, SortedSet<String>> kinds = new TreeMap<>();
    Map<String, SortedSet<String>> types = new TreeMap<>();
    try (Connection connection = database.readPool().getConnection()) {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT name, count(DISTINCT entity_pk) FROM entity_attribute WHERE tenant = ?"
                  + " GROUP BY name")) {
        select.setString(1, tenant);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            counts.put(rows.getString(1), rows.getLong(2));
          }
        }
      }
      collectPairs(
          connection,
          "SELECT DISTINCT name, kind FROM entity_attribute WHERE tenant = ?",
          tenant,
          kinds);
      collectPairs(
          connection,
          "SELECT DISTINCT a.name, t.type FROM entity_attribute a"
              + " JOIN entity_type t ON t.entity_pk = a.entity_pk WHERE a.tenant = ?",
          tenant,
          types);
    } catch (SQLException e) {
      throw failed("summarising attributes", e);
    }
    return counts.entrySet().stream()
        .map(
            entry ->
                new AttributeSummary(
                    entry.getKey(),
                    entry.getValue(),
                    Collections.unmodifiableSortedSet(
                        kinds.getOrDefault(entry.getKey(), new TreeSet<>())),
                    Collections.unmodifiableSortedSet(
                        types.getOrDefault(entry.getKey(), new TreeSet<>()))))
        .collect(Collectors.toUnmodifiableList());
  }

  private static void collectPairs(
      Connection connection, String sql, String tenant, Map<String, SortedSet<String>> into)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, tenant);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          into.computeIfAbsent(rows.getString(1), k -> new TreeSet<>()).add(rows.getString(2));
        }
      }
    }
  }

  private static RuntimeException failed(String what, SQLException e) {
    return ReadFailures.translate(what, e);
  }

  /** Commits the writes already queued, refuses new ones, and releases the connections. */
  @Override
  public void close() {
    writer.close();
    if (ownsDatabase) {
      database.close();
    }
  }
}
