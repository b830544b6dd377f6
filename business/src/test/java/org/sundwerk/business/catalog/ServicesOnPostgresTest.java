package org.sundwerk.business.catalog;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.PostgresTestDatabase;

class ServicesOnPostgresTest extends ServicesContract {

  @RegisterExtension static final PostgresTestDatabase POSTGRES = new PostgresTestDatabase();

  @Override
  BusinessDatabase database() {
    return POSTGRES.newDatabase();
  }
}
