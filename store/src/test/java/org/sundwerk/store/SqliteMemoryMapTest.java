package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No SQLite connection of the store maps the database file into memory: on a mapped page whose file
 * is gone or cannot be allocated, the native code gets SIGBUS and the JVM dies, where read(2)
 * returns an error the store can answer.
 */
class SqliteMemoryMapTest {

  @TempDir Path directory;

  @Test
  void neitherTheWriterNorTheReadersMapTheDatabaseFile() throws SQLException {
    try (JdbcEntityStore store = new JdbcEntityStore(directory)) {
      String onWriter = store.writeDirect((connection, statements) -> mmapSize(connection)).join();
      String onReader;
      try (Connection reader = store.database().readPool().getConnection()) {
        onReader = mmapSize(reader);
      }

      assertThat(onWriter).isEqualTo("0");
      assertThat(onReader).isEqualTo("0");
    }
  }

  private static String mmapSize(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA mmap_size")) {
      row.next();
      return row.getString(1);
    }
  }
}
