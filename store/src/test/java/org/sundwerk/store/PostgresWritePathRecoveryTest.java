package org.sundwerk.store;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.store.postgres.PostgresDialect;

class PostgresWritePathRecoveryTest extends WritePathRecoveryContract {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  @Override
  SqlDialect dialect() throws SQLException {
    return new PostgresDialect(
        server.newSchema(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
  }

  @Override
  SQLException diskFull() {
    // What PostgreSQL answers when it cannot extend a file (disk_full).
    return new SQLException("could not extend file: No space left on device", "53100");
  }
}
