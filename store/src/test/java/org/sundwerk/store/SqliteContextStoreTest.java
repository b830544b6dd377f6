package org.sundwerk.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.broker.context.ContextStore;

class SqliteContextStoreTest extends ContextStoreContract {

  @TempDir Path directory;
  private StoreDatabase database;

  @Override
  protected ContextStore newStore() {
    database = StoreDatabase.sqlite(directory);
    return new JdbcContextStore(database);
  }

  @Override
  protected void closeStore() {
    database.close();
  }
}
