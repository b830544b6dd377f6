package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sundwerk.store.TestEntities.entity;
import static org.sundwerk.store.TestEntities.integer;
import static org.sundwerk.store.TestEntities.urn;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.broker.entity.Commits;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * What the writer does when commits fail because the database cannot take writes (a full disk, a
 * lost connection), injected at the dialect's edge: the failed write is refused as retryable and
 * not applied, the write path reports itself down, and once commits work again it recovers by
 * itself, without a restart and without losing what it acknowledged.
 */
abstract class WritePathRecoveryContract {

  /** The dialect of a fresh, empty database. */
  abstract SqlDialect dialect() throws Exception;

  /** What this backend's driver raises when the disk is full. */
  abstract SQLException diskFull();

  private volatile boolean failCommits;
  private StoreDatabase database;
  private JdbcEntityStore store;

  @BeforeEach
  void open() throws Exception {
    database = StoreDatabase.open(failingCommits(dialect()), 2);
    store = new JdbcEntityStore(database);
  }

  @AfterEach
  void close() {
    store.close();
    database.close();
  }

  @Test
  void aCommitThatFailsOnTheDatabaseIsRefusedAsRetryableAndReportsTheWritePathDown() {
    write("a", 1);
    failCommits = true;

    assertThatThrownBy(() -> write("b", 2))
        .isInstanceOfSatisfying(
            NgsiLdException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.httpStatus()).isEqualTo(503);
              assertThat(e.detail()).contains("cannot take writes").contains("Retry later");
            });
    assertThat(store.writePath().up()).isFalse();
    assertThat(store.writePath().problem())
        .hasValueSatisfying(p -> assertThat(p).contains(diskFull().getMessage()));
    assertThat(store.retrieve("t", urn("b"))).isEmpty();
  }

  @Test
  void recoversByItselfOnceCommitsWorkAgainWithoutLosingAcknowledgedWrites() throws Exception {
    write("a", 1);
    failCommits = true;
    assertThatThrownBy(() -> write("b", 2)).isInstanceOf(NgsiLdException.class);

    failCommits = false;

    // No write arrives: the idle writer's probe must find out by itself.
    assertThat(eventually(Duration.ofSeconds(10), () -> store.writePath().up())).isTrue();
    write("c", 3);
    assertThat(store.retrieve("t", urn("a"))).isPresent();
    assertThat(store.retrieve("t", urn("c"))).isPresent();
  }

  @Test
  void writesDuringTheFailureFailFastInsteadOfWaiting() throws Exception {
    failCommits = true;
    assertThatThrownBy(() -> write("a", 1)).isInstanceOf(NgsiLdException.class);

    for (int i = 0; i < 20; i++) {
      int n = i;
      assertThatThrownBy(
              () ->
                  store
                      .write("t", urn("x" + n), TestEntities.put(entity("x" + n, "T")))
                      .get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(NgsiLdException.class);
    }
    assertThat(store.writePath().up()).isFalse();
  }

  /** Whether {@code condition} holds within {@code limit}, polled every 50 ms. */
  static boolean eventually(Duration limit, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  private void write(String id, int value) {
    Commits.await(
        store.write("t", urn(id), TestEntities.put(entity(id, "T", "n", integer(value)))));
  }

  /** {@code dialect}, whose commits fail with {@link #diskFull()} while {@link #failCommits}. */
  private SqlDialect failingCommits(SqlDialect dialect) {
    return (SqlDialect)
        Proxy.newProxyInstance(
            SqlDialect.class.getClassLoader(),
            new Class<?>[] {SqlDialect.class},
            (proxy, method, args) -> {
              if (failCommits
                  && method.getName().equals("commit")
                  && args != null
                  && args.length == 1
                  && args[0] instanceof Connection) {
                throw diskFull();
              }
              try {
                return method.invoke(dialect, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
