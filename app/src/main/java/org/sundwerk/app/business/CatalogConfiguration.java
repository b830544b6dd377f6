package org.sundwerk.app.business;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.db.BusinessDatabase;

/** The service catalog, its tables migrated when the bean is created. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

  @Bean
  Services catalogServices(BusinessDatabase database, Clock clock) {
    return new Services(database, clock);
  }
}
