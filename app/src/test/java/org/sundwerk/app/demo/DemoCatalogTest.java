package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.catalog.ServiceId;
import org.sundwerk.business.catalog.ServicePage;
import org.sundwerk.business.catalog.ServiceQuery;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.catalog.Stage;
import org.sundwerk.business.db.BusinessDatabase;

/** The demo catalog: seeded once into an empty catalog, in mixed stages, with canvases. */
class DemoCatalogTest {

  static final TenantId STRALSUND = TenantId.of("stralsund");

  @TempDir Path directory;

  @Test
  void seedsAboutTwentyFiveServicesOnceAndLeavesAFilledCatalogAlone() {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + directory.resolve("business.db"));
    Services services = new Services(BusinessDatabase.of(source), Clock.systemUTC());

    int added = new DemoCatalog(services).seedIfEmpty();
    int again = new DemoCatalog(services).seedIfEmpty();

    assertThat(added).isBetween(20, 30);
    assertThat(again).isZero();
    ServiceQuery all = ServiceQuery.published().includingUnpublished().withPage(100, 0);
    ServicePage page = services.search(STRALSUND, all);
    assertThat(page.total()).isEqualTo(added);
    assertThat(page.services()).extracting(s -> s.stage()).contains(Stage.values());
    assertThat(page.services()).anyMatch(s -> !s.published());
    assertThat(services.find(STRALSUND, new ServiceId("parkleitsystem")).orElseThrow().stage())
        .isEqualTo(Stage.LIVE);
    assertThat(
            services
                .canvas(STRALSUND, new ServiceId("sundrad-verleih"))
                .projection()
                .breakEvenMonth())
        .isPresent();
    assertThat(services.search(STRALSUND, ServiceQuery.published().withText("beleuchtung")).total())
        .isEqualTo(1);
  }
}
