package org.sundwerk.business.metering;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.PostgresTestDatabase;

class UsageLedgerPostgresTest extends UsageLedgerContract {

  @RegisterExtension static final PostgresTestDatabase POSTGRES = new PostgresTestDatabase();

  @Override
  BusinessDatabase database() {
    return POSTGRES.newDatabase();
  }
}
