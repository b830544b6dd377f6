package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sundwerk.store.TestEntities.entity;
import static org.sundwerk.store.TestEntities.integer;
import static org.sundwerk.store.TestEntities.observed;
import static org.sundwerk.store.TestEntities.point;
import static org.sundwerk.store.TestEntities.put;
import static org.sundwerk.store.TestEntities.urn;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.broker.entity.EntityMutation;
import org.sundwerk.broker.subscription.ChangeNotifications;
import org.sundwerk.broker.subscription.Trigger;
import org.sundwerk.store.postgres.PostgresDialect;

/**
 * A batch of writes costs a number of statement executions (JDBC batches count once: the driver
 * sends one in a single round trip) that does not grow with the batch: counted on the writer's
 * connection, with temporal history, outbox rows and bounding boxes, for new entities and updates.
 */
class PostgresBatchRoundTripsTest {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  private static final String TENANT = "urn:tenant:trips";

  /**
   * Executions of one batch, commit included, for entities of a tenant that exists; the savepoint
   * mode took about 11 per entity.
   */
  private static final int MOST_PER_BATCH = 15;

  private static final Set<String> EXECUTIONS =
      Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "commit");

  // Executions since the last commit, and per committed transaction; written by the writer thread.
  private final AtomicInteger executions = new AtomicInteger();
  private final List<Integer> transactions = new CopyOnWriteArrayList<>();

  @Test
  void aBatchCostsTheSameFewExecutionsWhateverItsSize() throws Exception {
    SqlDialect dialect =
        counting(
            new PostgresDialect(
                server.newSchema(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD));
    ChangeNotifications oneEach =
        change -> List.of(new ChangeNotifications.Caused("urn:sub:1", Trigger.values()[0], false));
    try (StoreDatabase database =
            StoreDatabase.open(dialect, StoreDatabase.DEFAULT_READ_POOL_SIZE);
        JdbcEntityStore store =
            new JdbcEntityStore(
                database,
                List.of(
                    new TemporalRecorder(Clock.systemUTC()),
                    new OutboxRecorder(oneEach, Clock.systemUTC())))) {
      store.write(TENANT, urn("first"), put(entity("first", "Sensor"))).get();
      int small = batch(store, 10, 0);
      int large = batch(store, 1_000, 0);
      int updates = batch(store, 1_000, 1);

      assertThat(large).isEqualTo(small).isLessThanOrEqualTo(MOST_PER_BATCH);
      assertThat(updates).isLessThanOrEqualTo(MOST_PER_BATCH);
      assertThat(store.retrieve(TENANT, urn("e999-0"))).isPresent();
      assertThat(store.retrieve(TENANT, urn("e999-0")).orElseThrow().attributes())
          .containsKey(TestEntities.iri("n"));
    }
  }

  /**
   * Writes {@code size} entities (version {@code version} of each) in one writer batch, held back
   * until all are queued; returns the executions the batch took.
   */
  private int batch(JdbcEntityStore store, int size, int version) throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> gate =
        store.write(
            TENANT,
            urn("gate"),
            current -> {
              holding.countDown();
              await(release);
              return new EntityMutation.Keep<>(true);
            });
    holding.await();
    List<CompletableFuture<Boolean>> writes = new ArrayList<>();
    Instant at = Instant.parse("2026-12-01T00:00:00Z").plusSeconds(version * 60L);
    for (int i = 0; i < size; i++) {
      String id = "e" + i + "-" + (size == 10 ? 1 : 0);
      writes.add(
          store.write(
              TENANT,
              urn(id),
              put(
                  entity(
                      id,
                      "Sensor",
                      "n",
                      observed(integer(version), at),
                      "location",
                      point(13.08 + i * 1e-4, 54.31)))));
    }
    transactions.clear();
    release.countDown();
    gate.get();
    for (CompletableFuture<Boolean> write : writes) {
      write.get();
    }
    assertThat(transactions)
        .as("the gate's transaction, then one with all writes: " + transactions)
        .hasSize(2);
    return transactions.get(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code real} whose writer connection counts statement executions and commits. */
  private SqlDialect counting(SqlDialect real) {
    return proxy(
        SqlDialect.class,
        real,
        (method, result) ->
            method.getName().equals("openWriteConnection")
                ? proxy(Connection.class, (Connection) result, this::countingStatements)
                : result);
  }

  private Object countingStatements(Method method, Object result) {
    return switch (result) {
      case PreparedStatement statement -> proxy(PreparedStatement.class, statement, (m, r) -> r);
      case Statement statement -> proxy(Statement.class, statement, (m, r) -> r);
      case null, default -> result;
    };
  }

  /** What a proxy does with the result of a call on the real object. */
  private interface Wrapper {
    Object wrap(Method method, Object result);
  }

  private <T> T proxy(Class<T> type, T real, Wrapper wrapper) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (!(real instanceof SqlDialect) && EXECUTIONS.contains(method.getName())) {
            executions.incrementAndGet();
          }
          if (!(real instanceof SqlDialect) && method.getName().equals("commit")) {
            transactions.add(executions.getAndSet(0));
          }
          try {
            return wrapper.wrap(method, method.invoke(real, args));
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(
        Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
  }
}
