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
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.sundwerk.broker.store.AttributeSummary;
import org.sundwerk.broker.store.EntityMutation;
import org.sundwerk.broker.store.EntityQuery;
import org.sundwerk.broker.store.EntityStore;
import org.sundwerk.broker.store.QueryResult;
import org.sundwerk.broker.store.TypeSummary;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.geo.Geo;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.ngsild.query.GeoQuery;
import org.sundwerk.ngsild.query.QueryEvaluator;
import org.sundwerk.ngsild.query.ScopeQuery;
import org.sundwerk.ngsild.query.TypeQuery;

/**
 * The {@link EntityStore} on a relational database: one JSON document per entity plus indexed side
 * tables, all SQL here and the differences in a {@link SqlDialect}.
 *
 * <p>Writes go through one writer thread with group commit (see {@link GroupCommitWriter}); an
 * acknowledged write is committed durably. Reads use a pool of connections and run concurrently
 * with the writer, seeing the last committed state. Thread-safe; {@link #close()} commits the
 * writes already queued and then refuses new ones.
 *
 * <p>Queries translate type, ids, idPattern, attrs and scopeQ to SQL exactly, and {@code q} where
 * {@link QueryTranslator} can; then the database pages and counts. A {@code q} term SQL cannot
 * express exactly, and every {@code geoQ}, select a superset in SQL (for geoQ through the dialect's
 * bounding-box index where the relation allows) and are decided per candidate by {@link
 * QueryEvaluator}, paging over the survivors in the same stable order.
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

  /** A store on a database that the caller opened and closes after this store. */
  public JdbcEntityStore(StoreDatabase database) {
    this(database, false, List.of());
  }

  /**
   * A store on a database that the caller opened, whose writes also run the recorders (temporal
   * history, notification outbox) in the same transaction.
   */
  public JdbcEntityStore(StoreDatabase database, List<ChangeRecorder> recorders) {
    this(database, false, recorders);
  }

  /** The embedded default: SQLite in {@code dataDirectory/sundwerk.db}, closed with this store. */
  public JdbcEntityStore(Path dataDirectory) {
    this(StoreDatabase.sqlite(dataDirectory), true, List.of());
  }

  private JdbcEntityStore(
      StoreDatabase database, boolean ownsDatabase, List<ChangeRecorder> recorders) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.dialect = database.dialect();
    this.translator = new QueryTranslator(dialect, "e");
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
  public QueryResult query(String tenant, EntityQuery query) {
    Sql where = new Sql().append(" WHERE e.tenant = ").param(tenant);
    List<Predicate<Entity>> postFilters = new ArrayList<>();
    query.type().ifPresent(type -> where.append(" AND ").append(typeCondition(tenant, type)));
    if (!query.ids().isEmpty()) {
      where.append(" AND e.id IN ").params(query.ids());
    }
    query
        .idPattern()
        .ifPresent(
            pattern -> {
              checkRegex(pattern, "idPattern");
              where.append(" AND ").append(dialect.regexp(new Sql().append("e.id"), pattern));
            });
    if (!query.attrs().isEmpty()) {
      where
          .append(" AND EXISTS (SELECT 1 FROM entity_attribute a WHERE a.tenant = ")
          .param(tenant)
          .append(" AND a.name IN ")
          .params(List.copyOf(query.attrs()))
          .append(" AND a.entity_pk = e.pk)");
    }
    query.scopeQ().ifPresent(scope -> where.append(" AND ").append(scopeCondition(tenant, scope)));
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
          ? sqlPage(connection, where, query)
          : filteredPage(connection, where, query, postFilters);
    } catch (SQLException e) {
      throw failed("querying entities", e);
    }
  }

  /** Every criterion is in SQL: page and count in the database, decode only the page. */
  private QueryResult sqlPage(Connection connection, Sql where, EntityQuery query)
      throws SQLException {
    List<Entity> page = new ArrayList<>();
    if (query.limit() > 0) {
      // Page over primary keys first, then read only the page's documents: a large offset then
      // skips index entries instead of whole rows.
      Sql keys =
          new Sql().append("SELECT e.pk FROM entity e").append(where).append(" ORDER BY e.pk");
      dialect.page(keys, query.limit(), query.offset());
      Sql select =
          new Sql()
              .append("SELECT " + dialect.documentText("d.doc") + " FROM entity d WHERE d.pk IN (")
              .append(keys)
              .append(") ORDER BY d.pk");
      try (PreparedStatement statement = select.prepare(connection);
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          page.add(StoredEntityCodec.decode(rows.getString(1)));
        }
      }
    }
    OptionalLong count = OptionalLong.empty();
    if (query.count()) {
      Sql select = new Sql().append("SELECT count(*) FROM entity e").append(where);
      try (PreparedStatement statement = select.prepare(connection);
          ResultSet rows = statement.executeQuery()) {
        rows.next();
        count = OptionalLong.of(rows.getLong(1));
      }
    }
    return new QueryResult(page, count);
  }

  /**
   * Some criterion needs the in-memory evaluator: walk the SQL candidates in order, test each, and
   * page over the survivors; stop early unless the total count is wanted.
   */
  private QueryResult filteredPage(
      Connection connection, Sql where, EntityQuery query, List<Predicate<Entity>> filters)
      throws SQLException {
    Sql select =
        new Sql()
            .append("SELECT " + dialect.documentText("e.doc") + " FROM entity e")
            .append(where)
            .append(" ORDER BY e.pk");
    List<Entity> page = new ArrayList<>();
    long matched = 0;
    // Without a count the walk stops once the page is full: a driver that would otherwise buffer
    // every candidate (PostgreSQL's) then streams them in chunks.
    boolean streamed = !query.count() && dialect.streamsOnlyInTransactions();
    if (streamed) {
      connection.setAutoCommit(false);
    }
    try (PreparedStatement statement = select.prepare(connection);
        ResultSet rows = fetchInChunks(statement, query, streamed).executeQuery()) {
      while (rows.next()) {
        Entity entity = StoredEntityCodec.decode(rows.getString(1));
        if (!filters.stream().allMatch(filter -> filter.test(entity))) {
          continue;
        }
        matched++;
        if (matched > query.offset() && page.size() < query.limit()) {
          page.add(entity);
        } else if (!query.count() && page.size() >= query.limit()) {
          break;
        }
      }
    }
    if (streamed) {
      connection.rollback(); // read only: nothing to keep
      connection.setAutoCommit(true);
    }
    return new QueryResult(page, query.count() ? OptionalLong.of(matched) : OptionalLong.empty());
  }

  private static PreparedStatement fetchInChunks(
      PreparedStatement statement, EntityQuery query, boolean streamed) throws SQLException {
    if (streamed) {
      statement.setFetchSize(Math.max(64, 2 * (query.offset() + query.limit())));
    }
    return statement;
  }

  private Sql typeCondition(String tenant, TypeQuery type) {
    return switch (type) {
      case TypeQuery.Name name -> typeIn(tenant, List.of(name.iri()));
      case TypeQuery.AnyOf any
          when any.terms().stream().allMatch(TypeQuery.Name.class::isInstance) ->
          typeIn(tenant, any.terms().stream().map(t -> ((TypeQuery.Name) t).iri()).toList());
      case TypeQuery.AnyOf any ->
          combine(any.terms().stream().map(t -> typeCondition(tenant, t)).toList(), " OR ");
      case TypeQuery.AllOf all ->
          combine(all.terms().stream().map(t -> typeCondition(tenant, t)).toList(), " AND ");
    };
  }

  private static Sql typeIn(String tenant, List<String> types) {
    // A correlated EXISTS, not "e.pk IN (...)": with IN, SQLite materialises every entity of the
    // type and sorts before LIMIT applies (248 ms for a page of 20 at 100,000 entities); with
    // EXISTS it walks entities in pk order and stops after the page (0.4 ms). Measured with
    // EXPLAIN QUERY PLAN on the bench data set.
    return new Sql()
        .append("EXISTS (SELECT 1 FROM entity_type t WHERE t.tenant = ")
        .param(tenant)
        .append(" AND t.type IN ")
        .params(types)
        .append(" AND t.entity_pk = e.pk)");
  }

  private Sql scopeCondition(String tenant, ScopeQuery scope) {
    return switch (scope) {
      case ScopeQuery.Pattern pattern ->
          new Sql()
              .append("EXISTS (SELECT 1 FROM entity_scope s WHERE s.tenant = ")
              .param(tenant)
              .append(" AND ")
              .append(scopePattern(pattern.segments()))
              .append(" AND s.entity_pk = e.pk)");
      case ScopeQuery.AnyOf any ->
          combine(any.terms().stream().map(t -> scopeCondition(tenant, t)).toList(), " OR ");
      case ScopeQuery.AllOf all ->
          combine(all.terms().stream().map(t -> scopeCondition(tenant, t)).toList(), " AND ");
    };
  }

  /**
   * A condition on {@code s.scope}: equality when the pattern has no wildcard, a prefix test for a
   * trailing {@code #}, a regular expression otherwise.
   */
  private Sql scopePattern(List<String> segments) {
    boolean plus = segments.contains("+");
    int hash = segments.indexOf("#");
    if (!plus && hash < 0) {
      return new Sql().append("s.scope = ").param("/" + String.join("/", segments));
    }
    if (!plus && hash == segments.size() - 1) {
      if (hash == 0) {
        return new Sql().append("1 = 1");
      }
      String prefix = "/" + String.join("/", segments.subList(0, hash));
      return new Sql()
          .append("(s.scope = ")
          .param(prefix)
          .append(" OR substr(s.scope, 1, ")
          .param(prefix.length() + 1)
          .append(") = ")
          .param(prefix + "/")
          .append(")");
    }
    StringBuilder regex = new StringBuilder("^");
    for (String segment : segments) {
      regex.append(
          switch (segment) {
            case "+" -> "/[^/]+";
            case "#" -> "(/.*)?";
            default -> "/" + Pattern.quote(segment);
          });
    }
    return dialect.regexp(new Sql().append("s.scope"), regex.append("$").toString());
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

  private static Sql combine(List<Sql> conditions, String operator) {
    Sql sql = new Sql().append("(");
    for (int i = 0; i < conditions.size(); i++) {
      sql.append(i == 0 ? "" : operator).append(conditions.get(i));
    }
    return sql.append(")");
  }

  private static void checkRegex(String regex, String parameter) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw NgsiLdException.badRequestData(
          parameter + " is not a valid regular expression: " + e.getDescription());
    }
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

  /** A read failure: retryable (503) when the database is unavailable, an internal error else. */
  private static RuntimeException failed(String what, SQLException e) {
    if (WriteFailures.unavailable(e).isPresent()) {
      return NgsiLdException.unavailable(
          "The database is unavailable at the moment; " + what + " failed. Retry later.", e);
    }
    return new IllegalStateException(what + " failed: " + e.getMessage(), e);
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
