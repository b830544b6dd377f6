package org.sundwerk.broker.temporal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.broker.entity.Commits;

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

  /**
   * Prunes every tenant once; returns the number of instances deleted. Whole time partitions go
   * first, up to the earliest horizon of all tenants (none while a tenant keeps history for ever);
   * then each tenant's remaining instances beyond its own horizon, row by row.
   */
  public long run() {
    Instant now = clock.instant();
    Set<String> tenants = store.tenants();
    Optional<Instant> everyone = Optional.empty();
    boolean all = true;
    for (String tenant : tenants) {
      Optional<Instant> horizon = retention(tenant).map(now::minus);
      all &= horizon.isPresent();
      if (horizon.isPresent() && everyone.map(e -> horizon.get().isBefore(e)).orElse(true)) {
        everyone = horizon;
      }
    }
    long deleted = Commits.await(store.maintainPartitions(now, all ? everyone : Optional.empty()));
    for (String tenant : tenants) {
      Optional<Duration> retention = retention(tenant);
      if (retention.isPresent()) {
        Instant before = now.minus(retention.get());
        long batch;
        do {
          batch = Commits.await(store.prune(tenant, before, BATCH));
          deleted += batch;
        } while (batch == BATCH);
      }
    }
    return deleted;
  }

  private Optional<Duration> retention(String tenant) {
    return Optional.ofNullable(tenantRetention.get(tenant)).or(() -> defaultRetention);
  }
}
