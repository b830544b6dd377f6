package org.sundwerk.app.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.broker.cluster.Leadership;
import org.sundwerk.broker.temporal.PruneTemporalHistory;
import org.sundwerk.broker.temporal.TemporalOperations;
import org.sundwerk.broker.temporal.TemporalStore;
import org.sundwerk.store.JdbcEntityStore;
import org.sundwerk.store.JdbcTemporalStore;
import org.sundwerk.store.TemporalRecorder;

/**
 * The temporal API: a recorder that keeps every attribute change as an instance (run by the entity
 * store in its write transaction), the temporal store on the same database, its operations and the
 * retention job.
 */
@Configuration(proxyBeanMethods = false)
class TemporalConfiguration {

  @Bean
  TemporalRecorder temporalRecorder(Clock clock) {
    return new TemporalRecorder(clock);
  }

  @Bean
  TemporalStore temporalStore(JdbcEntityStore entities, Clock clock) {
    return new JdbcTemporalStore(entities, clock);
  }

  @Bean
  TemporalOperations temporalOperations(
      TemporalStore store, JdbcEntityStore entities, Clock clock, SundwerkProperties properties) {
    return TemporalOperations.create(store, entities, clock, properties.maxPageSize());
  }

  @Bean
  PruneTemporalHistory pruneTemporalHistory(
      TemporalStore store, Clock clock, TemporalProperties properties) {
    return new PruneTemporalHistory(
        store, clock, properties.defaultRetention(), properties.tenantRetention());
  }

  /**
   * The prune job, always scheduled: besides applying retention it keeps PostgreSQL's monthly
   * partitions ahead of time (moving rows of new months out of the DEFAULT partition), which is
   * needed without any retention too. Without retention on SQLite a run only lists the tenants.
   */
  @Bean(destroyMethod = "close")
  TemporalPruneSchedule temporalPruneSchedule(
      PruneTemporalHistory prune, TemporalProperties properties, Leadership leadership) {
    return new TemporalPruneSchedule(prune, properties.pruneInterval(), leadership);
  }
}
