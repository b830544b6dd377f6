package org.sundwerk.broker.temporal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.sundwerk.broker.store.Commits;

/**
 * Deletes attribute instances older than the retention period of their tenant: a per-tenant
 * override, else the default; no retention keeps history forever. Run it periodically.
 */
public final class PruneTemporalHistory {

  /** Instances deleted per write, so that entity writes interleave with a long prune. */
  static final int BATCH = 10_000;

  private final TemporalStore store;
  private final Clock clock;
  private final Optional<Duration> defaultRetention;
  private final Map<String, Duration> tenantRetention;

  /**
   * @param defaultRetention how long instances are kept; empty for ever
   * @param tenantRetention per tenant name an override of the default
   */
  public PruneTemporalHistory(
      TemporalStore store,
      Clock clock,
      Optional<Duration> defaultRetention,
      Map<String, Duration> tenantRetention) {
    this.store = store;
    this.clock = clock;
    this.defaultRetention = defaultRetention;
    this.tenantRetention = Map.copyOf(tenantRetention);
  }

  /** Prunes every tenant once; returns the number of instances deleted. */
  public long run() {
    long deleted = 0;
    for (String tenant : store.tenants()) {
      Optional<Duration> retention =
          Optional.ofNullable(tenantRetention.get(tenant)).or(() -> defaultRetention);
      if (retention.isPresent()) {
        Instant before = clock.instant().minus(retention.get());
        long batch;
        do {
          batch = Commits.await(store.prune(tenant, before, BATCH));
          deleted += batch;
        } while (batch == BATCH);
      }
    }
    return deleted;
  }
}
