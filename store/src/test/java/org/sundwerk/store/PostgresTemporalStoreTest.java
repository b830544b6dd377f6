package org.sundwerk.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresTemporalStoreTest extends JdbcTemporalStoreTest {

  private static PostgresTestDatabase server;

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
  StoreDatabase openDatabase() throws Exception {
    return server.openSchema();
  }
}
