package org.sundwerk.app.portal.search;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.portal.search.SearchIndex;
import org.sundwerk.store.PostgresTestDatabase;

/**
 * The search index on the machine's PostgreSQL, in a fresh database dropped afterwards, opened as
 * the app opens it: in the access database. Fails, never skips, when the server is down.
 */
class PostgresSearchIndexTest extends SearchIndexContract {

  private static final PostgresTestDatabase server = new PostgresTestDatabase();
  private static AccessDatabase database;
  private static SearchIndex index;

  @BeforeAll
  static void open() throws SQLException {
    server.create();
    database = AccessDatabase.postgres(server.url(), "", "");
    index = SearchIndex.open(database.dataSource());
  }

  @AfterAll
  static void close() throws SQLException {
    if (database != null) {
      database.close();
    }
    server.drop();
  }

  @Override
  SearchIndex index() {
    return index;
  }

  @Override
  boolean stems() {
    return true;
  }
}
