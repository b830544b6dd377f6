package org.sundwerk.ingestion;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.store.PostgresTestDatabase;
import org.sundwerk.store.StoreDatabase;

class PostgresUplinkReplayTest extends UplinkReplayContract {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  @Override
  StoreDatabase openDatabase() {
    return StoreDatabase.postgres(
        server.url(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
  }
}
