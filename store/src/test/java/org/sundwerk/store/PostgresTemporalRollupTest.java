package org.sundwerk.store;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTemporalRollupTest extends TemporalRollupTest {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  @Override
  StoreDatabase openDatabase() throws Exception {
    return server.openSchema();
  }
}
