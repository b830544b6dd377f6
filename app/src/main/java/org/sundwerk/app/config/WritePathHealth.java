package org.sundwerk.app.config;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.sundwerk.store.JdbcEntityStore;
import org.sundwerk.store.WritePathStatus;

/**
 * {@code writePath} under {@code /actuator/health} and in the readiness group: DOWN while writes
 * cannot commit (the database connection is lost, the disk is full), so that a load balancer stops
 * routing to this node until its writer has reconnected and committed again. Reads the writer's
 * status only: no query per health check.
 */
final class WritePathHealth implements HealthIndicator {

  private final JdbcEntityStore store;

  WritePathHealth(JdbcEntityStore store) {
    this.store = store;
  }

  @Override
  public Health health() {
    WritePathStatus status = store.writePath();
    if (status.up()) {
      return Health.up().build();
    }
    return Health.down().withDetail("problem", status.problem().orElse("unknown")).build();
  }
}
