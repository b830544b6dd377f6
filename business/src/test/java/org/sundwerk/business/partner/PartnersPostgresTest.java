package org.sundwerk.business.partner;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.PostgresTestDatabase;

class PartnersPostgresTest extends PartnersContract {

  @RegisterExtension static final PostgresTestDatabase POSTGRES = new PostgresTestDatabase();

  @Override
  BusinessDatabase database() {
    return POSTGRES.newDatabase();
  }
}
