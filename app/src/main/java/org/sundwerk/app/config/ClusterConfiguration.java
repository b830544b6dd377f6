package org.sundwerk.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.broker.cluster.ClusterSignals;
import org.sundwerk.broker.cluster.Leadership;
import org.sundwerk.store.StoreDatabase;

/**
 * What lets several nodes share one PostgreSQL database: signals that invalidate the other nodes'
 * caches, and the leadership that runs the once-per-cluster jobs (periodic notifications, temporal
 * pruning) on one node. On SQLite there are no other nodes: no signals, always the leader.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

  /** The leader lock of the periodic jobs; one leader runs them all. */
  static final int JOBS_LOCK = 1;

  @Bean(destroyMethod = "close")
  ClusterSignals clusterSignals(StoreDatabase database) {
    return database.openSignals();
  }

  @Bean(destroyMethod = "close")
  Leadership leadership(StoreDatabase database) {
    return database.openLeadership(JOBS_LOCK);
  }
}
