package org.sundwerk.business.offer;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.SqliteTestDatabase;

class OffersSqliteTest extends OffersContract {

  @TempDir Path dir;

  @Override
  BusinessDatabase database() {
    return SqliteTestDatabase.in(dir.resolve("business.db"));
  }
}
