package org.sundwerk.app.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sundwerk.broker.cluster.Leadership;
import org.sundwerk.broker.temporal.PruneTemporalHistory;

/**
 * Runs the temporal prune job every interval on one daemon thread, first after one interval, on the
 * leader only when several nodes share the database; a failed run is logged and the next one tries
 * again. Its own type (not a bare executor bean), so that Spring's scheduling never mistakes it for
 * the application's task scheduler.
 */
final class TemporalPruneSchedule implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TemporalPruneSchedule.class);

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("sundwerk-temporal-prune").daemon().unstarted(r));

  TemporalPruneSchedule(PruneTemporalHistory prune, Duration interval, Leadership leadership) {
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            if (!leadership.isLeader()) {
              return;
            }
            long deleted = prune.run();
            LOG.info("pruned {} temporal instances beyond their retention", deleted);
          } catch (RuntimeException e) {
            LOG.warn("pruning temporal history failed", e);
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
