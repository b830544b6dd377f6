package org.sundwerk.business.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.Text;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.PostgresTestDatabase;

/**
 * Catalog search latency with 10,000 services in one tenant (issue 15: p95 under 20 ms), on SQLite
 * and PostgreSQL, measured on the repository (no HTTP). Not a test (the name ends in Measurement):
 * run it on purpose with {@code -Dtest=CatalogSearchMeasurement}. Services are written directly,
 * not through the API, so seeding takes seconds; a fixed seed makes runs comparable.
 */
class CatalogSearchMeasurement {

  static final int SERVICES = Integer.getInteger("bench.services", 10_000);
  static final int ROUNDS = Integer.getInteger("bench.rounds", 200);
  static final TenantId TENANT = TenantId.of("bench");

  @RegisterExtension static final PostgresTestDatabase POSTGRES = new PostgresTestDatabase();

  static final String[] WORDS = {
    "Parkhaus",
    "Fahrradverleih",
    "Strandbad",
    "Ladesäule",
    "Seniorenshuttle",
    "Abfallkalender",
    "Hafenfest",
    "Luftqualität",
    "Museum",
    "Stadtführung",
    "Wohnmobil",
    "Lastenrad",
    "Bürgerbüro",
    "Trinkbrunnen",
    "Baumpatenschaft",
    "Mieterstrom",
    "Weihnachtsmarkt",
    "Wetterstation"
  };

  static final String[] PLACES = {
    "Altstadt",
    "Knieper",
    "Tribseer",
    "Frankenvorstadt",
    "Hafen",
    "Dänholm",
    "Grünhufe",
    "Andershof"
  };

  @Test
  void sqlite() throws Exception {
    Path directory = Files.createTempDirectory("catalog-bench");
    // As the app configures SQLite, but without waiting for the disk on each of the 19,000
    // seeding commits: seeding is not what is measured (7 min with FULL on a loaded machine).
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
    config.setBusyTimeout(30_000);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + directory.resolve("business.db"));
    measure("SQLite", BusinessDatabase.of(source));
  }

  @Test
  void postgres() {
    BusinessDatabase database = POSTGRES.newDatabase();
    // New connections of this throw-away database commit without waiting for the WAL flush.
    database.run(
        connection -> {
          try (var statement = connection.createStatement()) {
            statement.execute(
                "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET synchronous_commit = off',"
                    + " current_database()); END $$");
          }
          return null;
        });
    measure("PostgreSQL", database);
  }

  private static void measure(String backend, BusinessDatabase database) {
    Services services = new Services(database, Clock.systemUTC());
    Random random = new Random(15);
    long seeding = System.nanoTime();
    for (int i = 0; i < SERVICES; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      String place = PLACES[random.nextInt(PLACES.length)];
      ServiceId id = new ServiceId("s" + i);
      services.create(
          TENANT,
          id,
          new PartnerId("partner-" + random.nextInt(40)),
          new ServiceDraft(
              Text.of(word + " " + place + " " + i, word + " " + place),
              Text.of(
                  "Ein Dienst rund um " + word + " im Stadtteil " + place + ", Nummer " + i + ".",
                  "A service about " + word + " in " + place + "."),
              Category.values()[random.nextInt(Category.values().length)],
              Set.of(TargetGroup.values()[random.nextInt(TargetGroup.values().length)]),
              Set.of(LifeSituation.values()[random.nextInt(LifeSituation.values().length)]),
              Optional.empty(),
              Optional.empty(),
              Set.of(Season.values()[random.nextInt(Season.values().length)]),
              Set.of(Channel.WEB),
              List.of(),
              List.of()),
          "bench");
      if (random.nextInt(10) > 0) {
        services.approve(TENANT, id);
      }
    }
    System.out.printf(
        "%s: %d services seeded in %d s%n",
        backend, SERVICES, (System.nanoTime() - seeding) / 1_000_000_000);
    List<ServiceQuery> queries = new ArrayList<>();
    ServiceQuery base = ServiceQuery.published();
    queries.add(base);
    queries.add(base.withText("parkhaus"));
    queries.add(base.withText("rad knieper"));
    queries.add(base.withText("seniorenshuttle"));
    queries.add(base.withText("zzzkeintreffer"));
    queries.add(
        new ServiceQuery(
            "hafen",
            Optional.of(TargetGroup.TOURISTS),
            Optional.of(Season.SUMMER),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true,
            20,
            0));
    queries.add(
        new ServiceQuery(
            "",
            Optional.of(TargetGroup.SENIORS),
            Optional.empty(),
            Optional.of(LifeSituation.AGE_AND_CARE),
            Optional.of(Category.SOCIAL),
            Optional.empty(),
            Optional.empty(),
            true,
            20,
            0));
    queries.add(base.withText("museum").withPage(20, 200));
    String[] names = {
      "all, page 1",
      "q=parkhaus",
      "q=rad knieper",
      "q=seniorenshuttle",
      "q=no match",
      "q=hafen + tourists + summer",
      "seniors + age_and_care + social",
      "q=museum, page 11"
    };
    System.out.printf("%s | query | matches | p50 ms | p95 ms | p99 ms%n", backend);
    // Each search opens a connection of the unpooled test data source; the app's pool does not.
    long[] connecting = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      database.run(connection -> null);
      connecting[i] = System.nanoTime() - start;
    }
    Arrays.sort(connecting);
    System.out.printf(
        "%s | (opening a connection, included below) | - | %.1f | %.1f | %.1f%n",
        backend,
        connecting[ROUNDS / 2] / 1e6,
        connecting[ROUNDS * 95 / 100] / 1e6,
        connecting[ROUNDS * 99 / 100] / 1e6);
    for (int q = 0; q < queries.size(); q++) {
      ServiceQuery query = queries.get(q);
      for (int i = 0; i < 20; i++) {
        services.search(TENANT, query);
      }
      long[] nanos = new long[ROUNDS];
      int total = 0;
      for (int i = 0; i < ROUNDS; i++) {
        long start = System.nanoTime();
        total = services.search(TENANT, query).total();
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "%s | %s | %d | %.1f | %.1f | %.1f%n",
          backend,
          names[q],
          total,
          nanos[ROUNDS / 2] / 1e6,
          nanos[ROUNDS * 95 / 100] / 1e6,
          nanos[ROUNDS * 99 / 100] / 1e6);
    }
  }
}
