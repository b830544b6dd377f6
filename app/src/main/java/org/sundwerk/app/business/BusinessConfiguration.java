package org.sundwerk.app.business;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.business.db.BusinessDatabase;

/**
 * The business features' database: the access database's pool (SQLite file or PostgreSQL), where
 * each feature migrates its own tables when its repository bean is created.
 */
@Configuration(proxyBeanMethods = false)
class BusinessConfiguration {

  @Bean
  BusinessDatabase businessDatabase(AccessDatabase access) {
    return BusinessDatabase.of(access.dataSource());
  }
}
