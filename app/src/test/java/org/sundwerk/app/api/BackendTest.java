package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.store.StoreDatabase;
import org.sundwerk.store.postgres.PostgresDialect;
import org.sundwerk.store.sqlite.SqliteDialect;

/** The API tests run on the backend the build selected, not silently on the default one. */
class BackendTest extends ApiTest {

  @Autowired StoreDatabase database;

  @Test
  void storesInTheSelectedBackend() {
    assertThat(database.dialect())
        .isInstanceOf(TestBackend.POSTGRES ? PostgresDialect.class : SqliteDialect.class);
  }
}
