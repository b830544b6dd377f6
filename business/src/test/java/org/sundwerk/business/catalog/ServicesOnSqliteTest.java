package org.sundwerk.business.catalog;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.SqliteTestDatabase;

class ServicesOnSqliteTest extends ServicesContract {

  @TempDir Path directory;

  @Override
  BusinessDatabase database() {
    return SqliteTestDatabase.in(directory.resolve("business.db"));
  }
}
