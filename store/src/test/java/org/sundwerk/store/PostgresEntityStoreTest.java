package org.sundwerk.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.sundwerk.broker.store.EntityStore;

class PostgresEntityStoreTest extends EntityStoreContract {

  private static PostgresTestDatabase server;
  private StoreDatabase database;

  @BeforeAll
  static void createDatabase() throws Exception {
    server = PostgresTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    server.drop();
  }

  @Override
  protected EntityStore newStore() throws Exception {
    database = server.openSchema();
    return new JdbcEntityStore(database);
  }

  /** Runs before the contract closes the store: close it first, then its database. */
  @AfterEach
  void closeDatabase() {
    ((JdbcEntityStore) store).close();
    database.close();
  }
}
