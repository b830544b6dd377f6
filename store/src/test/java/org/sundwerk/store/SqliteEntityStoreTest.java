package org.sundwerk.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.broker.entity.EntityStore;

class SqliteEntityStoreTest extends EntityStoreContract {

  @TempDir Path directory;

  @Override
  protected EntityStore newStore() {
    return new JdbcEntityStore(directory);
  }
}
