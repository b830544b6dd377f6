package org.sundwerk.portal.legal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's own tables ({@code portal_page}, {@code portal_feedback}) in the access database,
 * migrated from {@code db/portal/<dialect>} with their own history table {@value #HISTORY_TABLE}
 * when opened. Each method is one statement in auto-commit. Thread-safe.
 */
public final class PortalPages {

  /** Flyway's history table for the portal migrations, next to the access and store ones. */
  public static final String HISTORY_TABLE = "portal_schema_history";

  private final JdbcClient jdbc;
  private final boolean sqlite;

  private PortalPages(JdbcClient jdbc, boolean sqlite) {
    this.jdbc = jdbc;
    this.sqlite = sqlite;
  }

  /** Migrates the portal tables in {@code dataSource} (SQLite or PostgreSQL) and opens them. */
  public static PortalPages open(DataSource dataSource) {
    boolean sqlite = isSqlite(dataSource);
    Flyway.configure()
        .dataSource(dataSource)
        .locations(sqlite ? "classpath:db/portal/sqlite" : "classpath:db/portal/postgres")
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    return new PortalPages(JdbcClient.create(dataSource), sqlite);
  }

  private static boolean isSqlite(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("sqlite");
    } catch (SQLException e) {
      throw new IllegalStateException("portal tables: " + e.getMessage(), e);
    }
  }

  /** One stored page version. */
  public record StoredPage(String markdown, Instant updatedAt, String updatedBy) {}

  public Optional<StoredPage> find(String tenant, String slug, String lang) {
    return jdbc.sql(
            "SELECT markdown, updated_at, updated_by FROM portal_page"
                + " WHERE tenant = ? AND slug = ? AND lang = ?")
        .params(tenant, slug, lang)
        .query(
            (rs, row) -> new StoredPage(rs.getString(1), instant(rs.getObject(2)), rs.getString(3)))
        .optional();
  }

  /** Replaces the page's Markdown; {@code by} is who saved it (an account id, never a secret). */
  public void save(
      String tenant, String slug, String lang, String markdown, Instant at, String by) {
    jdbc.sql(
            "INSERT INTO portal_page (tenant, slug, lang, markdown, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant, slug, lang) DO UPDATE SET"
                + " markdown = excluded.markdown, updated_at = excluded.updated_at,"
                + " updated_by = excluded.updated_by")
        .params(tenant, slug, lang, markdown, time(at), by)
        .update();
  }

  /** Keeps one feedback message; {@code replyTo} may be empty (anonymous feedback). */
  public void feedback(String tenant, String page, String message, String replyTo, Instant at) {
    jdbc.sql(
            "INSERT INTO portal_feedback (tenant, received_at, page, message, reply_to)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(tenant, time(at), page, message, replyTo)
        .update();
  }

  /** How many feedback messages a tenant received (for the operator and tests). */
  public int feedbackCount(String tenant) {
    return jdbc.sql("SELECT COUNT(*) FROM portal_feedback WHERE tenant = ?")
        .param(tenant)
        .query(Integer.class)
        .single();
  }

  /** SQLite keeps ISO-8601 text (sortable); PostgreSQL a timestamptz. */
  private Object time(Instant at) {
    return sqlite ? at.toString() : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Instant instant(Object value) {
    return switch (value) {
      case String text -> Instant.parse(text);
      case java.sql.Timestamp timestamp -> timestamp.toInstant();
      case OffsetDateTime time -> time.toInstant();
      default -> throw new IllegalStateException("portal_page.updated_at: " + value);
    };
  }
}
