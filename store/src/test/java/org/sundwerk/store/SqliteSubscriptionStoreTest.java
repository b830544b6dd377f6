package org.sundwerk.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteSubscriptionStoreTest extends SubscriptionStoreContract {

  @TempDir Path directory;

  @Override
  StoreDatabase openDatabase() {
    return StoreDatabase.sqlite(directory);
  }
}
