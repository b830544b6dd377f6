package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;

/**
 * The single writer: callers enqueue mutations; one thread takes everything queued (up to {@link
 * #MAX_BATCH}), runs each mutation against the current stored state inside one transaction, each
 * under its own savepoint, commits once and then completes the futures. Serialising all writes on
 * one thread is what makes a mutation see a state no other write of this process interleaves with,
 * and mutations later in a batch read the writes of earlier ones through the same transaction. On a
 * database shared by several nodes the batch first locks all its entities ({@link
 * SqlDialect#lockEntities}), so the other nodes' writers do not interleave either.
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
  private final List<ChangeRecorder> recorders;
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

  /** A stored entity with its internal key. */
  private record Stored(long pk, Entity entity) {}

  GroupCommitWriter(SqlDialect dialect, List<ChangeRecorder> recorders) throws SQLException {
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
      dialect.begin(connection);
      if (dialect.sharedByNodes()) {
        lockEntities(batch);
      }
      for (Pending<?> pending : batch) {
        runOne(pending, newTenants);
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
   * Locks every entity the batch writes before any of them is read, so that another node's writer
   * cannot change one between this writer's read and its write (a lost update), nor create one this
   * writer is creating (which then reads it and answers AlreadyExists instead of failing on the
   * unique key).
   */
  private void lockEntities(List<Pending<?>> batch) throws SQLException {
    List<String> keys = new ArrayList<>(batch.size());
    for (Pending<?> pending : batch) {
      if (pending.mutation != null) {
        keys.add(pending.tenant + "\n" + pending.entityId);
      }
    }
    dialect.lockEntities(connection, keys);
  }

  private <R> void runOne(Pending<R> pending, List<String> newTenants) throws SQLException {
    statements.prepare("SAVEPOINT mutation").execute();
    try {
      if (pending.work != null) {
        pending.result = pending.work.run(connection, statements);
        statements.prepare("RELEASE mutation").execute();
        return;
      }
      if (pending.onceKey != null && !claim(pending.tenant, pending.onceKey)) {
        statements.prepare("RELEASE mutation").execute();
        pending.result = pending.duplicate;
        return;
      }
      Optional<Stored> current = load(pending.tenant, pending.entityId);
      EntityMutation.Outcome<R> outcome = pending.mutation.apply(current.map(Stored::entity));
      switch (outcome) {
        case EntityMutation.Put<R> put -> {
          String document = put(pending, current, put.entity());
          record(pending, current, Optional.of(put.entity()), Optional.of(document), put.history());
          if (!knownTenants.contains(pending.tenant)) {
            newTenants.add(pending.tenant);
          }
        }
        case EntityMutation.Delete<R> ignored -> {
          if (current.isPresent()) {
            long pk = current.get().pk();
            IndexWriter.delete(statements, dialect, pk, IndexRows.of(current.get().entity()));
            PreparedStatement delete = statements.prepare("DELETE FROM entity WHERE pk = ?");
            delete.setLong(1, pk);
            delete.executeUpdate();
            record(pending, current, Optional.empty(), Optional.empty(), Map.of());
          }
        }
        case EntityMutation.Keep<R> ignored -> {}
      }
      statements.prepare("RELEASE mutation").execute();
      pending.result = outcome.result();
    } catch (RuntimeException | Error e) {
      // An Error thrown by a caller's mutation (an assertion, a stack overflow) fails that write
      // only; it must not kill the writer thread and leave every later future hanging.
      undo();
      pending.failure = e;
    } catch (SQLException e) {
      undo();
      pending.failure =
          new IllegalStateException("writing entity " + pending.entityId + " failed", e);
    }
  }

  /** Rolls back the current mutation's savepoint, keeping the batch's earlier work. */
  private void undo() throws SQLException {
    statements.prepare("ROLLBACK TO mutation").execute();
    statements.prepare("RELEASE mutation").execute();
  }

  /**
   * Records {@code key} as written in the tenant; false if it was already (a copy of a write).
   * Other nodes' writers of the same entity wait for this transaction's entity lock, and the
   * primary key decides between writers of different entities.
   */
  private boolean claim(String tenant, String key) throws SQLException {
    long now = System.currentTimeMillis();
    if (++claims % PRUNE_KEYS_EVERY == 0) {
      PreparedStatement prune = statements.prepare("DELETE FROM write_key WHERE written_at < ?");
      prune.setLong(1, now - KEY_RETENTION.toMillis());
      prune.executeUpdate();
    }
    PreparedStatement insert =
        statements.prepare(
            "INSERT INTO write_key (tenant, once_key, written_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (tenant, once_key) DO NOTHING");
    insert.setString(1, tenant);
    insert.setString(2, key);
    insert.setLong(3, now);
    return insert.executeUpdate() == 1;
  }

  private void record(
      Pending<?> pending,
      Optional<Stored> before,
      Optional<Entity> after,
      Optional<String> afterDocument,
      Map<String, List<Attribute>> history)
      throws SQLException {
    if (recorders.isEmpty()) {
      return;
    }
    EntityChange change =
        new EntityChange(
            pending.tenant, pending.entityId, before.map(Stored::entity), after, history);
    for (ChangeRecorder recorder : recorders) {
      recorder.record(connection, dialect, change, afterDocument);
    }
  }

  private Optional<Stored> load(String tenant, String entityId) throws SQLException {
    PreparedStatement load =
        statements.prepare(
            "SELECT pk, "
                + dialect.documentText("doc")
                + " FROM entity WHERE tenant = ? AND id = ?");
    load.setString(1, tenant);
    load.setString(2, entityId);
    try (ResultSet row = load.executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      return Optional.of(new Stored(row.getLong(1), StoredEntityCodec.decode(row.getString(2))));
    }
  }

  /** Writes the entity's row and index rows; returns the document as stored. */
  private String put(Pending<?> pending, Optional<Stored> current, Entity entity)
      throws SQLException {
    if (!entity.id().equals(pending.entityId)) {
      throw new IllegalArgumentException(
          "mutation of " + pending.entityId + " returned entity " + entity.id());
    }
    if (entity.types().isEmpty()) {
      throw new IllegalArgumentException("entity " + entity.id() + " has no type");
    }
    String doc = StoredEntityCodec.encode(entity);
    String created =
        entity.createdAt() == null ? null : StoredEntityCodec.format(entity.createdAt());
    String modified =
        entity.modifiedAt() == null ? null : StoredEntityCodec.format(entity.modifiedAt());
    IndexRows rows = IndexRows.of(entity);
    if (current.isEmpty()) {
      if (!knownTenants.contains(pending.tenant)) {
        PreparedStatement insertTenant =
            statements.prepare(
                "INSERT INTO tenant (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
        insertTenant.setString(1, pending.tenant);
        insertTenant.executeUpdate();
      }
      PreparedStatement insert =
          statements.prepare(
              "INSERT INTO entity (tenant, id, doc, created_at, modified_at) VALUES (?, ?, "
                  + dialect.documentParameter()
                  + ", ?, ?)"
                  + " RETURNING pk");
      insert.setString(1, pending.tenant);
      insert.setString(2, entity.id());
      insert.setString(3, doc);
      insert.setString(4, created);
      insert.setString(5, modified);
      long pk;
      try (ResultSet key = insert.executeQuery()) {
        key.next();
        pk = key.getLong(1);
      }
      IndexWriter.write(statements, dialect, pending.tenant, pk, rows, Optional.empty());
    } else {
      long pk = current.get().pk();
      PreparedStatement update =
          statements.prepare(
              "UPDATE entity SET doc = "
                  + dialect.documentParameter()
                  + ", created_at = ?, modified_at = ? WHERE pk = ?");
      update.setString(1, doc);
      update.setString(2, created);
      update.setString(3, modified);
      update.setLong(4, pk);
      update.executeUpdate();
      IndexWriter.write(
          statements,
          dialect,
          pending.tenant,
          pk,
          rows,
          Optional.of(IndexRows.of(current.get().entity())));
    }
    return doc;
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
