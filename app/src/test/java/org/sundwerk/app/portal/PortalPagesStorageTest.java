package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.portal.legal.PortalPages;
import org.sundwerk.store.PostgresTestDatabase;

/**
 * The portal's tables on both databases, migrated next to the access tables as the app does it: a
 * page per tenant, slug and language, replaced on save; feedback counted per tenant; migrating
 * twice changes nothing.
 */
class PortalPagesStorageTest {

  @RegisterExtension static final PostgresTestDatabase POSTGRES = new PostgresTestDatabase();

  private static final Instant MONDAY = Instant.parse("2026-12-07T09:30:00Z");
  private static final Instant TUESDAY = Instant.parse("2026-12-08T14:00:00Z");

  @Test
  void keepsPagesAndFeedbackOnSqlite(@TempDir Path dir) {
    Path file = dir.resolve("access.db");
    try (AccessDatabase database = AccessDatabase.sqlite(file)) {
      check(PortalPages.open(database.dataSource()));
      PortalPages again = PortalPages.open(database.dataSource());
      assertThat(again.find("stralsund", "impressum", "de")).isPresent();
    }
    assertThat(Files.exists(file)).isTrue();
  }

  @Test
  void keepsPagesAndFeedbackOnPostgresql() {
    try (AccessDatabase database =
        AccessDatabase.postgres(
            POSTGRES.url(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)) {
      check(PortalPages.open(database.dataSource()));
      PortalPages again = PortalPages.open(database.dataSource());
      assertThat(again.find("stralsund", "impressum", "de")).isPresent();
    }
  }

  private static void check(PortalPages pages) {
    assertThat(pages.find("stralsund", "impressum", "de")).isEmpty();

    pages.save("stralsund", "impressum", "de", "## Erste Fassung", MONDAY, "account:1");
    pages.save("stralsund", "impressum", "de", "## Zweite Fassung", TUESDAY, "account:2");
    pages.save("stralsund", "impressum", "en", "## English", MONDAY, "account:1");
    pages.save("grimmen", "impressum", "de", "## Grimmen", MONDAY, "account:3");

    PortalPages.StoredPage german = pages.find("stralsund", "impressum", "de").orElseThrow();
    assertThat(german.markdown()).isEqualTo("## Zweite Fassung");
    assertThat(german.updatedAt()).isEqualTo(TUESDAY);
    assertThat(german.updatedBy()).isEqualTo("account:2");
    assertThat(pages.find("stralsund", "impressum", "en").orElseThrow().markdown())
        .isEqualTo("## English");
    assertThat(pages.find("grimmen", "impressum", "de").orElseThrow().markdown())
        .isEqualTo("## Grimmen");
    assertThat(pages.find("stralsund", "datenschutz", "de")).isEmpty();

    pages.feedback("stralsund", "barrierefreiheit", "Kontrast zu schwach", "", MONDAY);
    pages.feedback("stralsund", "barrierefreiheit", "Karte", "a@example.org", TUESDAY);
    assertThat(pages.feedbackCount("stralsund")).isEqualTo(2);
    assertThat(pages.feedbackCount("grimmen")).isZero();
  }
}
