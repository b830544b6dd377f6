package org.sundwerk.business.offer;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.PostgresTestDatabase;

class OffersPostgresTest extends OffersContract {

  @RegisterExtension static final PostgresTestDatabase POSTGRES = new PostgresTestDatabase();

  @Override
  BusinessDatabase database() {
    return POSTGRES.newDatabase();
  }
}
