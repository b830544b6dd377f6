package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives a power loss, not only a killed process: the crash tests kill the
 * JVM, which the operating system's page cache survives, so they would pass with {@code
 * synchronous=OFF} too. This test reads the settings on the writer's own connection, inside its
 * transaction, where an acknowledgement waits for the commit.
 */
class WriterDurabilityTest {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  @TempDir Path directory;

  /**
   * In WAL mode, {@code synchronous=NORMAL} (1) syncs only at checkpoints, so a commit that
   * returned can be lost; FULL (2) syncs the WAL on every commit.
   */
  @Test
  void sqliteWriterSyncsTheWalOnEveryCommit() {
    try (JdbcEntityStore store = new JdbcEntityStore(directory)) {
      assertThat(onWriter(store, "PRAGMA journal_mode")).isEqualTo("wal");
      assertThat(Integer.parseInt(onWriter(store, "PRAGMA synchronous"))).isGreaterThanOrEqualTo(2);
    }
  }

  /**
   * {@code synchronous_commit=off} acknowledges before the WAL is flushed; {@code fsync=off} never
   * flushes.
   */
  @Test
  void postgresWriterWaitsForTheWalFlush() throws Exception {
    try (StoreDatabase database = server.openSchema();
        JdbcEntityStore store = new JdbcEntityStore(database)) {
      assertThat(onWriter(store, "SHOW synchronous_commit"))
          .isIn("on", "remote_write", "remote_apply", "local");
      assertThat(onWriter(store, "SHOW fsync")).isEqualTo("on");
    }
  }

  private static String onWriter(JdbcEntityStore store, String sql) {
    return store
        .writeDirect(
            (connection, statements) -> {
              try (Statement statement = connection.createStatement();
                  ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getString(1);
              }
            })
        .join();
  }
}
