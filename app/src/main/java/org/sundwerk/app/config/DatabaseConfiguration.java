package org.sundwerk.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.store.StoreDatabase;

/** Selects the store's database by configuration alone: SQLite by default, PostgreSQL by URL. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  StoreDatabase storeDatabase(SundwerkProperties properties, DatabaseProperties database) {
    if (database.dbUrl().isBlank()) {
      return StoreDatabase.sqlite(properties.dataDir());
    }
    if (!database.dbUrl().startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "sundwerk.db-url must be a jdbc:postgresql: URL, was " + database.dbUrl());
    }
    return StoreDatabase.postgres(database.dbUrl(), database.dbUser(), database.dbPassword());
  }
}
