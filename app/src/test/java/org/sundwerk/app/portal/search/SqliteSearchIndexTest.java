package org.sundwerk.app.portal.search;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.portal.search.SearchIndex;

/** The search index on a SQLite file, opened as the app opens it: in the access database. */
class SqliteSearchIndexTest extends SearchIndexContract {

  @TempDir static Path dir;

  private static AccessDatabase database;
  private static SearchIndex index;

  @BeforeAll
  static void open() throws IOException {
    database = AccessDatabase.sqlite(dir.resolve("sundwerk.db"));
    index = SearchIndex.open(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  SearchIndex index() {
    return index;
  }

  @Override
  boolean stems() {
    return false;
  }
}
