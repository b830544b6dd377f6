package org.sundwerk.store;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.broker.context.ContextStore;

class PostgresContextStoreTest extends ContextStoreContract {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  private StoreDatabase database;

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
