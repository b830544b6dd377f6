package org.sundwerk.access.db;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresAccessStoreTest extends AccessStoreContract {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  private String url;

  @Override
  protected void createEmptyDatabase() throws SQLException {
    url = server.newSchema();
  }

  @Override
  protected AccessDatabase openNode() {
    return AccessDatabase.postgres(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
  }

  @Override
  protected DataSource plainDataSource() {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(url);
    source.setUser(PostgresTestDatabase.USER);
    source.setPassword(PostgresTestDatabase.PASSWORD);
    return source;
  }
}
