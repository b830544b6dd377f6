package org.sundwerk.access.db;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SqliteAccessStoreTest extends AccessStoreContract {

  @TempDir Path directory;
  private Path file;
  private int databases;

  @Override
  protected void createEmptyDatabase() {
    file = directory.resolve("sundwerk-" + ++databases + ".db");
  }

  @Override
  protected AccessDatabase openNode() {
    return AccessDatabase.sqlite(file);
  }

  @Override
  protected DataSource plainDataSource() {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + file);
    return source;
  }
}
