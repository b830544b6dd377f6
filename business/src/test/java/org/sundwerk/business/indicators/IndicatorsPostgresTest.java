package org.sundwerk.business.indicators;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.PostgresTestDatabase;

class IndicatorsPostgresTest extends IndicatorsContract {

  @RegisterExtension static final PostgresTestDatabase POSTGRES = new PostgresTestDatabase();

  @Override
  BusinessDatabase database() {
    return POSTGRES.newDatabase();
  }
}
