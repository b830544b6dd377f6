package org.sundwerk.ingestion;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.store.StoreDatabase;

class SqliteUplinkReplayTest extends UplinkReplayContract {

  @TempDir Path directory;

  @Override
  StoreDatabase openDatabase() {
    return StoreDatabase.sqlite(directory);
  }
}
