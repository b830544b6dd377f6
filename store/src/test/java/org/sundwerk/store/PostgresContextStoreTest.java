package org.sundwerk.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.sundwerk.broker.store.ContextStore;

class PostgresContextStoreTest extends ContextStoreContract {

  private static PostgresTestDatabase server;
  private StoreDatabase database;

  @BeforeAll
  static void createDatabase() throws Exception {
    server = PostgresTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (server != null) {
      server.drop();
    }
  }

  @Override
  protected ContextStore newStore() throws Exception {
    database = server.openSchema();
    return new JdbcContextStore(database);
  }

  @Override
  protected void closeStore() {
    database.close();
  }
}
