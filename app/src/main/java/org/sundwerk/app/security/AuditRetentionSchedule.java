package org.sundwerk.app.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.audit.AuditLog;
import org.sundwerk.broker.cluster.Leadership;

/**
 * Once a day (first an hour after the start), on the leader only when several nodes share the
 * database: deletes audit events older than the retention ({@code sundwerk.access.audit-retention})
 * and expired verification and reset tokens. A failed run is logged; the next day's tries again.
 */
final class AuditRetentionSchedule implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditRetentionSchedule.class);

  static final Duration FIRST = Duration.ofHours(1);
  static final Duration INTERVAL = Duration.ofDays(1);

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("sundwerk-audit-retention").daemon().unstarted(r));

  AuditRetentionSchedule(
      AuditLog audit, Accounts accounts, Duration retention, Leadership leadership) {
    executor.scheduleWithFixedDelay(
        () -> run(audit, accounts, retention, leadership),
        FIRST.toMillis(),
        INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** One run; returns false when another node leads. */
  static boolean run(AuditLog audit, Accounts accounts, Duration retention, Leadership leadership) {
    try {
      if (!leadership.isLeader()) {
        return false;
      }
      int events = audit.prune(retention);
      int tokens = accounts.pruneExpiredTokens();
      LOG.info(
          "deleted {} audit events older than {} and {} expired account tokens",
          events,
          retention,
          tokens);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("pruning the audit log failed", e);
      return false;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
