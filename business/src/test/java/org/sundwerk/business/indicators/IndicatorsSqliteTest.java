package org.sundwerk.business.indicators;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.SqliteTestDatabase;

class IndicatorsSqliteTest extends IndicatorsContract {

  @TempDir Path dir;

  @Override
  BusinessDatabase database() {
    return SqliteTestDatabase.in(dir.resolve("business.db"));
  }
}
