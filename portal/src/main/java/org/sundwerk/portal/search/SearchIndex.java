package org.sundwerk.portal.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sundwerk.business.Folding;

/**
 * The search index in a database the app provides (the access database: SQLite or PostgreSQL),
 * migrated when opened from {@code db/portal-search/<dialect>} with its own history table {@value
 * #HISTORY_TABLE}. A tenant's documents are replaced whole in one transaction, so a search sees
 * either the old index or the new one, never half of it. Every value reaches SQL as a parameter;
 * the words of a query are letters and digits only ({@link SearchQuery}), so they cannot carry
 * full-text syntax either. Thread-safe.
 *
 * <p>Matching: every word must occur (AND). On SQLite a word matches as a part of any word of the
 * folded title or text (FTS5 trigram tokenizer); there is no stemming, so "Parkhäuser" does not
 * find "Parkhaus". On PostgreSQL a word matches by its German or English stem (text search
 * configurations {@code german} and {@code english}), as a part of a word of the folded texts, or
 * as a near spelling of one ({@code pg_trgm} word similarity above {@value #NEAR_SPELLING}).
 * Ranking: results whose title contains more of the words come first, then those whose title starts
 * with the first word, then the database's relevance (FTS5 {@code bm25} with titles weighted 10:1;
 * {@code ts_rank} plus word similarity).
 */
public final class SearchIndex {

  /** Flyway's history table for the search migrations, next to the access and store ones. */
  public static final String HISTORY_TABLE = "portal_search_schema_history";

  /**
   * How alike a word must be to a part of a document's text to count as a near spelling on
   * PostgreSQL ({@code word_similarity}, 0 to 1). Above pg_trgm's default 0.6, which let
   * "Strandbad" find every text with "Strand" (0.60); measured: "Ozeanum" in "Ozeaneum" 0.625,
   * "Beleuchtug" in "Straßenbeleuchtung" 0.64 are still found. The {@code <%} operator (default
   * threshold) picks candidates through the GIN index, this bound filters them.
   */
  static final double NEAR_SPELLING = 0.62;

  private static final String COLUMNS =
      "kind, ref, url, title_de, title_en, text_de, text_en, title_fold";

  enum Dialect {
    SQLITE("classpath:db/portal-search/sqlite"),
    POSTGRES("classpath:db/portal-search/postgres");

    private final String migrations;

    Dialect(String migrations) {
      this.migrations = migrations;
    }
  }

  private final DataSource dataSource;
  private final Dialect dialect;

  private SearchIndex(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * The index in {@code dataSource} (SQLite or PostgreSQL, told by the driver), migrated. The
   * schema may hold other tables (the access and store ones): the history baselines at version 0.
   */
  public static SearchIndex open(DataSource dataSource) {
    Dialect dialect = dialectOf(dataSource);
    Flyway.configure()
        .dataSource(dataSource)
        .locations(dialect.migrations)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    return new SearchIndex(dataSource, dialect);
  }

  private static Dialect dialectOf(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("sqlite")) {
        return Dialect.SQLITE;
      }
      if (product.contains("postgres")) {
        return Dialect.POSTGRES;
      }
      throw new IllegalStateException("search index: unsupported database " + product);
    } catch (SQLException e) {
      throw new SearchIndexException("search index: " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the tenant's documents with {@code documents} in one transaction; a document whose
   * kind and ref came before is left out. When iterating {@code documents} throws, the transaction
   * is rolled back and the previous documents stay. Concurrent replacements of one tenant (several
   * nodes) run one after the other.
   *
   * @return how many documents the tenant has now
   */
  public int replace(String tenant, Iterable<SearchDocument> documents) {
    Objects.requireNonNull(tenant, "tenant");
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int count = replace(connection, tenant, documents);
        connection.commit();
        return count;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new SearchIndexException("search index of " + tenant + ": " + e.getMessage(), e);
    }
  }

  private int replace(Connection connection, String tenant, Iterable<SearchDocument> documents)
      throws SQLException {
    if (dialect == Dialect.POSTGRES) {
      // Two nodes reindexing at once would otherwise both delete, then both insert.
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
        lock.setString(1, "portal-search " + tenant);
        lock.execute();
      }
    }
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM portal_search_document WHERE tenant = ?")) {
      delete.setString(1, tenant);
      delete.executeUpdate();
    }
    Set<String> keys = new HashSet<>();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO portal_search_document (tenant, kind, ref, url, title_de, title_en,"
                + " text_de, text_en, title_fold, text_fold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (SearchDocument document : documents) {
        if (!keys.add(document.kind().key() + " " + document.ref())) {
          continue;
        }
        insert.setString(1, tenant);
        insert.setString(2, document.kind().key());
        insert.setString(3, document.ref());
        insert.setString(4, document.url());
        insert.setString(5, document.titleDe());
        insert.setString(6, document.titleEn());
        insert.setString(7, document.textDe());
        insert.setString(8, document.textEn());
        insert.setString(9, Folding.fold(document.titleDe() + " " + document.titleEn()));
        insert.setString(10, Folding.fold(document.textDe() + " " + document.textEn()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return keys.size();
  }

  /**
   * The tenant's documents that contain every word of {@code query}, best first, at most {@code
   * limit}; none when the query has no word to look for.
   */
  public List<SearchDocument> search(String tenant, SearchQuery query, int limit) {
    if (!query.searchable() || limit < 1) {
      return List.of();
    }
    List<Object> parameters = new ArrayList<>();
    String sql =
        switch (dialect) {
          case SQLITE -> sqliteQuery(tenant, query, limit, parameters);
          case POSTGRES -> postgresQuery(tenant, query, limit, parameters);
        };
    List<Found> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(found(rows, query, found.size()));
        }
      }
    } catch (SQLException e) {
      throw new SearchIndexException("searching " + tenant + ": " + e.getMessage(), e);
    }
    found.sort(
        Comparator.comparingInt(Found::titleHits)
            .reversed()
            .thenComparing(Found::titleStarts, Comparator.reverseOrder())
            .thenComparingInt(Found::position));
    return found.stream().map(Found::document).toList();
  }

  private static String sqliteQuery(
      String tenant, SearchQuery query, int limit, List<Object> parameters) {
    StringBuilder match = new StringBuilder();
    for (SearchQuery.Word word : query.words()) {
      if (!match.isEmpty()) {
        match.append(" AND ");
      }
      // A quoted FTS5 string: a phrase of the word's trigrams, i.e. the word as a substring.
      match.append('"').append(word.folded().replace("\"", "\"\"")).append('"');
    }
    parameters.add(match.toString());
    parameters.add(tenant);
    parameters.add(limit);
    return "SELECT d.kind, d.ref, d.url, d.title_de, d.title_en, d.text_de, d.text_en,"
        + " d.title_fold FROM portal_search_fts JOIN portal_search_document d"
        + " ON d.id = portal_search_fts.rowid"
        + " WHERE portal_search_fts MATCH ? AND d.tenant = ?"
        + " ORDER BY bm25(portal_search_fts, 10.0, 1.0), d.title_de LIMIT ?";
  }

  private static String postgresQuery(
      String tenant, SearchQuery query, int limit, List<Object> parameters) {
    StringBuilder score = new StringBuilder();
    StringBuilder where = new StringBuilder("tenant = ?");
    List<Object> whereParameters = new ArrayList<>();
    whereParameters.add(tenant);
    for (SearchQuery.Word word : query.words()) {
      String stems = "(plainto_tsquery('german', ?) || plainto_tsquery('english', ?))";
      if (!score.isEmpty()) {
        score.append(" + ");
      }
      score.append("ts_rank(tsv, ").append(stems).append(") + word_similarity(?, fold)");
      parameters.add(word.lower());
      parameters.add(word.lower());
      parameters.add(word.folded());
      where
          .append(" AND (tsv @@ ")
          .append(stems)
          .append(" OR fold LIKE ? OR (? <% fold AND word_similarity(?, fold) > ")
          .append(NEAR_SPELLING)
          .append("))");
      whereParameters.add(word.lower());
      whereParameters.add(word.lower());
      whereParameters.add("%" + likeEscaped(word.folded()) + "%");
      whereParameters.add(word.folded());
      whereParameters.add(word.folded());
    }
    parameters.addAll(whereParameters);
    parameters.add(limit);
    return "SELECT "
        + COLUMNS
        + ", "
        + score
        + " AS score FROM portal_search_document WHERE "
        + where
        + " ORDER BY score DESC, title_de LIMIT ?";
  }

  /** Backslash is PostgreSQL's default LIKE escape. */
  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Found found(ResultSet rows, SearchQuery query, int position) throws SQLException {
    SearchDocument document =
        new SearchDocument(
            SearchKind.ofKey(rows.getString(1)).orElse(SearchKind.PAGE),
            rows.getString(2),
            rows.getString(3),
            rows.getString(4),
            rows.getString(5),
            rows.getString(6),
            rows.getString(7));
    String title = rows.getString(8);
    int hits = (int) query.words().stream().filter(w -> title.contains(w.folded())).count();
    boolean starts = title.startsWith(query.words().getFirst().folded());
    return new Found(document, hits, starts, position);
  }

  /**
   * A result with what ranks it: how many words its title has, whether the title starts with the
   * first word ("Strandbad Stralsund" before "Badewasser Strandbad"), the database's order.
   */
  private record Found(SearchDocument document, int titleHits, boolean titleStarts, int position) {}
}
