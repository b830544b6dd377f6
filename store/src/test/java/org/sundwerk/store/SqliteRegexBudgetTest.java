package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sundwerk.store.TestEntities.entity;
import static org.sundwerk.store.TestEntities.put;
import static org.sundwerk.store.TestEntities.urn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.store.sqlite.SqliteDialect;

/**
 * A read on SQLite stops matching regular expressions once it used up its budget, since matching
 * runs in SQLite's native callback and pins the carrier thread of the calling virtual thread. The
 * budget here is one nanosecond, so that the second match of a read exceeds it.
 */
class SqliteRegexBudgetTest {

  private static final String TENANT = "urn:ngsi-ld:tenant:budget";

  @TempDir Path directory;

  private JdbcEntityStore store;

  @BeforeEach
  void openStoreWithATinyBudget() {
    store =
        new JdbcEntityStore(
            StoreDatabase.open(
                new SqliteDialect(directory, Duration.ofNanos(1)),
                StoreDatabase.DEFAULT_READ_POOL_SIZE));
    IntStream.range(0, 20)
        .forEach(i -> store.write(TENANT, urn("e" + i), put(entity("e" + i, "Room"))).join());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aScanBeyondTheBudgetFailsAsTooComplexQuery() {
    assertThatThrownBy(() -> store.query(TENANT, EntityStoreContract.all().idPattern("e1").build()))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.TOO_COMPLEX_QUERY))
        .hasMessageContaining("time budget");
  }

  @Test
  void patternsTheStoreBuildsNeedNotFitTheLimitsOfClientPatterns() {
    List<String> segments =
        List.of("a".repeat(150), "b".repeat(150), "+", "c".repeat(150), "d".repeat(150));
    String path = "/" + String.join("/", segments).replace("+", "x");
    try (JdbcEntityStore withDefaultBudget =
        new JdbcEntityStore(directory.resolve("withDefaultBudget"))) {
      withDefaultBudget
          .write(TENANT, urn("deep"), put(entity("deep", "Room").withScopes(List.of(path))))
          .join();
      var byScope =
          EntityStoreContract.all()
              .scope(EntityStoreContract.scope(segments.toArray(String[]::new)))
              .build();

      assertThat(EntityStoreContract.ids(withDefaultBudget.query(TENANT, byScope)))
          .containsExactly(urn("deep"));
    }
  }

  @Test
  void eachReadStartsWithAFreshBudget() {
    for (int i = 0; i < 3; i++) {
      var oneMatch = EntityStoreContract.all().ids(List.of(urn("e7"))).idPattern("e7$").build();
      assertThat(EntityStoreContract.ids(store.query(TENANT, oneMatch))).containsExactly(urn("e7"));
    }
  }
}
