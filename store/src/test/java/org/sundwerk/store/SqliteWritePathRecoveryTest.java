package org.sundwerk.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sundwerk.store.sqlite.SqliteDialect;

class SqliteWritePathRecoveryTest extends WritePathRecoveryContract {

  @TempDir Path directory;

  @Override
  SqlDialect dialect() {
    return new SqliteDialect(directory);
  }

  @Override
  SQLException diskFull() {
    return new SQLiteException(
        "[SQLITE_FULL] Insertion failed because database is full (database or disk is full)",
        SQLiteErrorCode.SQLITE_FULL);
  }
}
