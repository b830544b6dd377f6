package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sundwerk.broker.entity.EntityChange;
import org.sundwerk.broker.entity.EntityMutation;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Entity;

/**
 * The single writer: callers enqueue mutations; one thread takes everything queued (up to {@link
 * #MAX_BATCH}), runs each mutation against the current state inside one transaction, commits once
 * and then completes the futures. Serialising all writes on one thread is what makes a mutation see
 * a state no other write of this process interleaves with; mutations later in a batch see the
 * writes of earlier ones. On a database shared by several nodes the batch first locks all its
 * entities ({@link SqlDialect#lockEntities}), so the other nodes' writers do not interleave either.
 *
 * <p>A batch runs in one of two modes. First optimistically: all its entities are read in one
 * statement, every mutation runs in Java against them and the batch's own earlier writes, and the
 * rows of all successful mutations (entity rows, side tables, write-once keys, the recorders' rows)
 * go to the database as one JDBC batch per statement kind ({@link EntityWrites}, {@link
 * ChangeRecorder}), so a batch costs a bounded number of round trips whatever its size. A mutation
 * that throws in Java fails alone and leaves nothing behind. Only if a statement fails (a
 * constraint, a value the database refuses, a lost connection) is the transaction rolled back and
 * the batch run again in the second mode: each mutation under its own savepoint with its rows
 * written at once, so that a failing statement rolls back only its own mutation, as before. A batch
 * with direct SQL work ({@link #submit(WriterWork)}) runs in the second mode at once.
 *
 * <p>Futures complete on a separate acknowledgement thread after the commit, so that callers'
 * dependent stages never run on (and stall) the writer thread. Both threads are daemons: a JVM that
 * exits without {@link #close()} loses only writes that were never acknowledged.
 *
 * <p>A transaction that fails because the database is unavailable (a lost connection, a full disk)
 * fails its batch with a retryable {@link NgsiLdException#unavailable}: nothing of it was
 * acknowledged. {@link WriterConnection} then reopens the connection with a backoff; batches that
 * arrive before it has one are refused at once the same way.
 */
final class GroupCommitWriter implements AutoCloseable {

  /** Most mutations committed in one transaction. */
  static final int MAX_BATCH = 1_000;

  /**
   * How long the key of a write-once is remembered: longer than any redelivery (network servers
   * retry webhooks for minutes, MQTT redelivers after a restart) or a replay of a day's events.
   */
  static final Duration KEY_RETENTION = Duration.ofDays(7);

  /** Keys past their retention are deleted with every this many claims: a small, indexed delete. */
  private static final int PRUNE_KEYS_EVERY = 10_000;

  private static final long POLL_MILLIS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

  private final SqlDialect dialect;
  private final List<ChangeRecorder<?>> recorders;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final ExecutorService acknowledger =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().name("sundwerk-store-ack").daemon().unstarted(r));
  private volatile boolean closed;

  // Confined to the writer thread; the connection and its statements are those of the batch.
  private final WriterConnection link;
  private Connection connection;
  private StatementCache statements;
  private final Set<String> knownTenants = new HashSet<>();
  private long claims;

  /** One queued write and, once run, its outcome. */
  private static final class Pending<R> {
    final String tenant;
    final String entityId;
    final EntityMutation<R> mutation;
    // Set instead of a mutation for direct SQL work (temporal instances, pruning).
    final WriterWork<R> work;
    // For a write at most once per key: the key (null for any other) and the result of a copy.
    final String onceKey;
    final R duplicate;
    final CompletableFuture<R> future = new CompletableFuture<>();
    R result;
    Throwable failure;

    Pending(String tenant, String entityId, EntityMutation<R> mutation, WriterWork<R> work) {
      this(tenant, entityId, mutation, work, null, null);
    }

    Pending(
        String tenant,
        String entityId,
        EntityMutation<R> mutation,
        WriterWork<R> work,
        String onceKey,
        R duplicate) {
      this.tenant = tenant;
      this.entityId = entityId;
      this.mutation = mutation;
      this.work = work;
      this.onceKey = onceKey;
      this.duplicate = duplicate;
    }

    void acknowledge() {
      if (failure != null) {
        future.completeExceptionally(failure);
      } else {
        future.complete(result);
      }
    }
  }

  GroupCommitWriter(SqlDialect dialect, List<ChangeRecorder<?>> recorders) throws SQLException {
    this.dialect = dialect;
    this.recorders = List.copyOf(recorders);
    this.link = new WriterConnection(dialect);
    this.thread = Thread.ofPlatform().name("sundwerk-store-writer").daemon().unstarted(this::run);
    thread.start();
  }

  /** Whether writes commit now; read by health checks from any thread. */
  WritePathStatus status() {
    return link.status();
  }

  <R> CompletableFuture<R> submit(String tenant, String entityId, EntityMutation<R> mutation) {
    return enqueue(new Pending<>(tenant, entityId, mutation, null));
  }

  /**
   * Runs {@code mutation} unless a write with {@code key} in the tenant committed before: the key
   * is inserted under the mutation's savepoint, so it commits with the write or not at all.
   */
  <R> CompletableFuture<R> submitOnce(
      String tenant, String entityId, String key, EntityMutation<R> mutation, R duplicate) {
    return enqueue(new Pending<>(tenant, entityId, mutation, null, key, duplicate));
  }

  /**
   * Runs {@code work} on the writer connection inside a group-committed transaction, under its own
   * savepoint like a mutation; for rows that are not entities (temporal instances). The work runs
   * no change recorders.
   */
  <R> CompletableFuture<R> submit(WriterWork<R> work) {
    return enqueue(new Pending<>("", "", null, work));
  }

  private <R> CompletableFuture<R> enqueue(Pending<R> pending) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("entity store is closed"));
    }
    queue.add(pending);
    if (closed && queue.remove(pending)) {
      pending.future.completeExceptionally(new IllegalStateException("entity store is closed"));
    }
    return pending.future;
  }

  private void run() {
    List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
    try {
      while (!closed || !queue.isEmpty()) {
        Pending<?> first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (!closed) {
            link.whileIdle();
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        if (link.connected()) {
          runBatch(batch);
        } else {
          refuse(batch);
        }
        List<Pending<?>> done = List.copyOf(batch);
        acknowledger.execute(() -> done.forEach(Pending::acknowledge));
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runBatch(List<Pending<?>> batch) {
    connection = link.connection();
    statements = link.statements();
    List<String> newTenants = new ArrayList<>();
    boolean committing = false;
    try {
      boolean optimistic = batch.stream().allMatch(pending -> pending.work == null);
      if (optimistic) {
        begin(batch);
        try {
          runOptimistically(batch, newTenants);
        } catch (SQLException | RuntimeException e) {
          // A statement failed: roll back everything and run the batch again one mutation per
          // savepoint, which refuses only the mutation whose statement fails (or, if the database
          // is gone, fails there too and is reported below as before).
          LOG.debug(
              "writing a batch of {} failed ({}), running it again one write per savepoint",
              batch.size(),
              e.toString());
          dialect.rollback(connection);
          statements.clearBatches();
          newTenants.clear();
          for (Pending<?> pending : batch) {
            pending.result = null;
            pending.failure = null;
          }
          optimistic = false;
        }
      }
      if (!optimistic) {
        begin(batch);
        runWithSavepoints(batch, newTenants);
      }
      committing = true;
      dialect.commit(connection);
      knownTenants.addAll(newTenants);
    } catch (SQLException | RuntimeException | Error e) {
      dialect.rollback(connection);
      Optional<SQLException> unavailable = link.brokenBy(e);
      if (unavailable.isPresent()) {
        link.failed(unavailable.get());
        String outcome =
            committing
                ? "the connection broke while committing, so the write may or may not have been"
                    + " applied"
                : "nothing was written";
        for (Pending<?> pending : batch) {
          if (pending.failure == null || WriteFailures.unavailable(pending.failure).isPresent()) {
            pending.failure = link.unavailable(outcome, e);
          }
        }
        return;
      }
      LOG.error("write transaction of {} mutations failed", batch.size(), e);
      for (Pending<?> pending : batch) {
        if (pending.failure == null) {
          pending.failure = new IllegalStateException("write transaction failed", e);
        }
      }
      return;
    }
    // A write of the batch may have failed on the database (a full disk) while the others, and the
    // commit, went through: that write is refused as retryable and the path reported down.
    Optional<SQLException> unavailable =
        batch.stream()
            .filter(pending -> pending.failure != null)
            .flatMap(pending -> WriteFailures.unavailable(pending.failure).stream())
            .findFirst();
    if (unavailable.isEmpty()) {
      link.worked();
      return;
    }
    link.failed(unavailable.get());
    for (Pending<?> pending : batch) {
      if (pending.failure != null && WriteFailures.unavailable(pending.failure).isPresent()) {
        pending.failure = link.unavailable("nothing of this write was written", pending.failure);
      }
    }
  }

  /** Fails a batch that arrived while the writer has no connection. */
  private void refuse(List<Pending<?>> batch) {
    for (Pending<?> pending : batch) {
      pending.failure = link.unavailable("nothing was written", null);
    }
  }

  /**
   * Begins the transaction and, on a shared database, locks every entity the batch writes before
   * any of them is read, so that another node's writer cannot change one between this writer's read
   * and its write (a lost update), nor create one this writer is creating (which then reads it and
   * answers AlreadyExists instead of failing on the unique key).
   */
  private void begin(List<Pending<?>> batch) throws SQLException {
    dialect.begin(connection);
    if (dialect.sharedByNodes()) {
      List<String> keys = new ArrayList<>(batch.size());
      for (Pending<?> pending : batch) {
        if (pending.mutation != null) {
          keys.add(pending.tenant + "\n" + pending.entityId);
        }
      }
      dialect.lockEntities(connection, keys);
    }
  }

  /**
   * The first mode (see the class comment): no savepoints, one statement per kind for the whole
   * batch. In savepoint mode a new entity with temporal history cost about 11 round trips on
   * PostgreSQL (savepoint, read, inserts, temporal rows, release); here a batch of 1,000 costs 15
   * statements (PostgresBatchRoundTripsTest). Measured by loading 100,000 entities by batch upsert
   * (bench/README.md, issue 20; a shared machine, so as a share of SQLite in the same run):
   * PostgreSQL went from 197 to 1,262 entities/s, from 7% to 108% of SQLite's rate. Mutations fail
   * almost always in Java (their checks: AlreadyExists, NotFound, bad data), which this mode
   * handles without a savepoint; a failing statement (a value the database refuses, a write-once
   * key another node claimed) costs one rollback and a second run of the batch in savepoint mode.
   *
   * @throws SQLException or RuntimeException if a statement failed; the caller rolls back
   */
  private void runOptimistically(List<Pending<?>> batch, List<String> newTenants)
      throws SQLException {
    Map<EntityWrites.Key, Optional<EntityWrites.Stored>> stored =
        EntityWrites.load(statements, dialect, keysOf(batch));
    Set<String> taken = takenKeys(batch);
    Flush flush = new Flush();
    for (Pending<?> pending : batch) {
      String claim = pending.onceKey == null ? null : pending.tenant + "\n" + pending.onceKey;
      if (claim != null && taken.contains(claim)) {
        answerDuplicate(pending);
        continue;
      }
      try {
        collect(pending, stored, flush);
        if (claim != null) {
          taken.add(claim);
          flush.claims.add(pending);
        }
      } catch (RuntimeException | Error e) {
        // An Error thrown by a caller's mutation (an assertion, a stack overflow) fails that write
        // only; it must not kill the writer thread and leave every later future hanging.
        pending.failure = e;
      }
    }
    flush.write();
    newTenants.addAll(flush.entities.newTenants());
  }

  private static <R> void answerDuplicate(Pending<R> pending) {
    pending.result = pending.duplicate;
  }

  /** The second mode (see the class comment): each mutation under its own savepoint. */
  private void runWithSavepoints(List<Pending<?>> batch, List<String> newTenants)
      throws SQLException {
    Map<EntityWrites.Key, Optional<EntityWrites.Stored>> stored =
        new HashMap<>(EntityWrites.load(statements, dialect, keysOf(batch)));
    for (Pending<?> pending : batch) {
      statements.prepare("SAVEPOINT mutation").execute();
      try {
        runOne(pending, stored, newTenants);
        statements.prepare("RELEASE mutation").execute();
      } catch (RuntimeException | Error e) {
        undo();
        pending.result = null;
        pending.failure = e;
      } catch (SQLException e) {
        undo();
        pending.result = null;
        pending.failure =
            new IllegalStateException("writing entity " + pending.entityId + " failed", e);
      }
    }
  }

  private <R> void runOne(
      Pending<R> pending,
      Map<EntityWrites.Key, Optional<EntityWrites.Stored>> stored,
      List<String> newTenants)
      throws SQLException {
    if (pending.work != null) {
      pending.result = pending.work.run(connection, statements);
      return;
    }
    if (pending.onceKey != null && !claim(pending.tenant, pending.onceKey)) {
      pending.result = pending.duplicate;
      return;
    }
    Flush flush = new Flush();
    collect(pending, stored, flush);
    stored.putAll(flush.write());
    newTenants.addAll(flush.entities.newTenants());
  }

  /** Rolls back the current mutation's savepoint, keeping the batch's earlier work. */
  private void undo() throws SQLException {
    statements.clearBatches();
    statements.prepare("ROLLBACK TO mutation").execute();
    statements.prepare("RELEASE mutation").execute();
  }

  private static List<EntityWrites.Key> keysOf(List<Pending<?>> batch) {
    List<EntityWrites.Key> keys = new ArrayList<>(batch.size());
    for (Pending<?> pending : batch) {
      if (pending.mutation != null) {
        keys.add(new EntityWrites.Key(pending.tenant, pending.entityId));
      }
    }
    return keys;
  }

  /**
   * Runs {@code pending}'s mutation in Java against the entity as stored and as the batch wrote it
   * so far, and collects its rows and the recorders' rows into {@code flush}. Collects nothing if
   * it throws.
   */
  private <R> void collect(
      Pending<R> pending,
      Map<EntityWrites.Key, Optional<EntityWrites.Stored>> stored,
      Flush flush) {
    EntityWrites.Key key = new EntityWrites.Key(pending.tenant, pending.entityId);
    Optional<EntityWrites.Stored> before = stored.get(key);
    Optional<Entity> current =
        flush.entities.wrote(key)
            ? flush.entities.written(key)
            : before.map(EntityWrites.Stored::entity);
    EntityMutation.Outcome<R> outcome = pending.mutation.apply(current);
    switch (outcome) {
      case EntityMutation.Put<R> put -> {
        Entity entity = put.entity();
        if (!entity.id().equals(pending.entityId)) {
          throw new IllegalArgumentException(
              "mutation of " + pending.entityId + " returned entity " + entity.id());
        }
        if (entity.types().isEmpty()) {
          throw new IllegalArgumentException("entity " + entity.id() + " has no type");
        }
        String document = StoredEntityCodec.encode(entity);
        List<List<?>> rows =
            recorderRows(
                new EntityChange(
                    pending.tenant, pending.entityId, current, Optional.of(entity), put.history()),
                Optional.of(document));
        flush.entities.put(key, before, entity, document);
        flush.add(rows);
      }
      case EntityMutation.Delete<R> ignored -> {
        if (current.isPresent()) {
          List<List<?>> rows =
              recorderRows(
                  new EntityChange(
                      pending.tenant, pending.entityId, current, Optional.empty(), Map.of()),
                  Optional.empty());
          flush.entities.delete(key, before);
          flush.add(rows);
        }
      }
      case EntityMutation.Keep<R> ignored -> {}
    }
    pending.result = outcome.result();
  }

  /** Every recorder's rows for {@code change}, in the order of the recorders. */
  private List<List<?>> recorderRows(EntityChange change, Optional<String> afterDocument) {
    List<List<?>> rows = new ArrayList<>(recorders.size());
    for (ChangeRecorder<?> recorder : recorders) {
      rows.add(recorder.rowsOf(change, afterDocument));
    }
    return rows;
  }

  /** What a batch (or, in savepoint mode, one mutation) writes, collected before it is written. */
  private final class Flush {
    final EntityWrites entities = new EntityWrites();
    final List<Pending<?>> claims = new ArrayList<>();
    final List<List<Object>> recorded = new ArrayList<>();

    Flush() {
      for (int i = 0; i < recorders.size(); i++) {
        recorded.add(new ArrayList<>());
      }
    }

    void add(List<List<?>> rows) {
      for (int i = 0; i < rows.size(); i++) {
        recorded.get(i).addAll(rows.get(i));
      }
    }

    /** Writes everything collected; returns the stored state of the written entities. */
    Map<EntityWrites.Key, Optional<EntityWrites.Stored>> write() throws SQLException {
      Map<EntityWrites.Key, Optional<EntityWrites.Stored>> after =
          entities.flush(statements, dialect, knownTenants);
      insertClaims(claims);
      for (int i = 0; i < recorders.size(); i++) {
        if (!recorded.get(i).isEmpty()) {
          writeRows(recorders.get(i), recorded.get(i));
        }
      }
      return after;
    }
  }

  @SuppressWarnings("unchecked")
  private <R> void writeRows(ChangeRecorder<R> recorder, List<Object> rows) throws SQLException {
    recorder.write(statements, dialect, (List<R>) rows);
  }

  /** The batch's write-once keys that a committed write already claimed, one statement a tenant. */
  private Set<String> takenKeys(List<Pending<?>> batch) throws SQLException {
    Map<String, List<String>> keysByTenant = new LinkedHashMap<>();
    for (Pending<?> pending : batch) {
      if (pending.onceKey != null) {
        keysByTenant.computeIfAbsent(pending.tenant, t -> new ArrayList<>()).add(pending.onceKey);
      }
    }
    Set<String> taken = new HashSet<>();
    if (keysByTenant.isEmpty()) {
      return taken;
    }
    PreparedStatement select =
        statements.prepare(
            "SELECT once_key FROM write_key WHERE tenant = ? AND " + dialect.inTexts("once_key"));
    for (Map.Entry<String, List<String>> tenant : keysByTenant.entrySet()) {
      select.setString(1, tenant.getKey());
      dialect.bindTexts(select, 2, tenant.getValue());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          taken.add(tenant.getKey() + "\n" + rows.getString(1));
        }
      }
    }
    return taken;
  }

  /**
   * Inserts the keys of the optimistic mode's write-once writes. Without ON CONFLICT: a key another
   * node's writer claimed meanwhile (for another entity, so not held back by the entity locks)
   * fails the statement, and the batch runs again in savepoint mode, where {@link #claim} decides.
   */
  private void insertClaims(List<Pending<?>> claims) throws SQLException {
    if (claims.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    pruneKeysIfDue(claims.size(), now);
    statements.executeBatch(
        "INSERT INTO write_key (tenant, once_key, written_at) VALUES (?, ?, ?)",
        claims,
        (insert, pending) -> {
          insert.setString(1, pending.tenant);
          insert.setString(2, pending.onceKey);
          insert.setLong(3, now);
        });
  }

  /** Deletes keys past their retention once every {@link #PRUNE_KEYS_EVERY} claims. */
  private void pruneKeysIfDue(int newClaims, long now) throws SQLException {
    long before = claims;
    claims += newClaims;
    if (before / PRUNE_KEYS_EVERY == claims / PRUNE_KEYS_EVERY) {
      return;
    }
    PreparedStatement prune = statements.prepare("DELETE FROM write_key WHERE written_at < ?");
    prune.setLong(1, now - KEY_RETENTION.toMillis());
    prune.executeUpdate();
  }

  /**
   * Records {@code key} as written in the tenant; false if it was already (a copy of a write).
   * Other nodes' writers of the same entity wait for this transaction's entity lock, and the
   * primary key decides between writers of different entities.
   */
  private boolean claim(String tenant, String key) throws SQLException {
    long now = System.currentTimeMillis();
    pruneKeysIfDue(1, now);
    PreparedStatement insert =
        statements.prepare(
            "INSERT INTO write_key (tenant, once_key, written_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (tenant, once_key) DO NOTHING");
    insert.setString(1, tenant);
    insert.setString(2, key);
    insert.setLong(3, now);
    return insert.executeUpdate() == 1;
  }

  /** Stops taking writes, commits everything already queued, then releases the connection. */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join();
      acknowledger.shutdown();
      acknowledger.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    link.close();
  }
}
