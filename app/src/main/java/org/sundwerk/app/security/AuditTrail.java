package org.sundwerk.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sundwerk.access.audit.AuditEvent;
import org.sundwerk.access.audit.AuditLog;

/**
 * Collects audit events in memory and writes them with {@link AuditLog#recordAll} about once a
 * second on a daemon thread: one commit per second instead of one per write, which on SQLite would
 * double the syncs of every API write (docs/access.md, "Audit"). An event is in the database at
 * most about a second after its request was answered; a crash loses that second. When the database
 * is unreachable the events wait (up to {@link #CAPACITY}); beyond that new ones are dropped and
 * counted in a warning, so that an outage cannot exhaust the memory. Thread-safe.
 */
public final class AuditTrail implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  /** Events waiting for the database; about a minute of writes at 2,000 per second. */
  static final int CAPACITY = 100_000;

  private static final long FLUSH_MILLIS = 1_000;

  private final AuditLog log;
  private final BlockingQueue<AuditEvent> pending = new LinkedBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();

  /** Serialises flushes (the timer's and {@link #flush()} callers'), so events keep their order. */
  private final Object flushing = new Object();

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("sundwerk-audit").daemon().unstarted(r));

  AuditTrail(AuditLog log) {
    this.log = log;
    timer.scheduleWithFixedDelay(
        this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Queues an event for the next flush; never blocks and never fails the request. */
  public void record(AuditEvent event) {
    if (!pending.offer(event)) {
      dropped.incrementAndGet();
    }
  }

  /** Writes what is queued now; readers of the log call it to see the latest events. */
  public void flush() {
    synchronized (flushing) {
      long lost = dropped.getAndSet(0);
      if (lost > 0) {
        LOG.warn("dropped {} audit events: the audit log could not be written in time", lost);
      }
      List<AuditEvent> batch = new ArrayList<>();
      while (pending.drainTo(batch, 10_000) > 0) {
        try {
          log.recordAll(batch);
        } catch (RuntimeException e) {
          // Back into the queue (what no longer fits is counted as dropped) for the next try.
          batch.forEach(this::record);
          throw e;
        }
        batch.clear();
      }
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.warn("writing the audit log failed; retrying in a second", e);
    }
  }

  /** Stops the timer and writes what is left. */
  @Override
  public void close() {
    timer.shutdownNow();
    flushQuietly();
  }
}
