package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.broker.store.EntityStore;
import org.sundwerk.ngsild.query.Operator;

class PostgresEntityStoreTest extends EntityStoreContract {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  private StoreDatabase database;

  @Override
  protected EntityStore newStore() throws Exception {
    database = server.openSchema();
    return new JdbcEntityStore(database);
  }

  @Test
  void comparesTextInCodePointOrderAsOnSqlite() {
    save(TestEntities.entity("lower", "Room", "name", TestEntities.text("apple")));
    save(TestEntities.entity("upper", "Room", "name", TestEntities.text("Banana")));

    assertThat(ids(query(all().q(cmp("name", Operator.GREATER, str("Z"))).build())))
        .containsExactly(TestEntities.urn("lower"));
    assertThat(ids(query(all().q(cmp("name", Operator.LESS, str("a"))).build())))
        .containsExactly(TestEntities.urn("upper"));
  }

  /** Runs before the contract closes the store: close it first, then its database. */
  @AfterEach
  void closeDatabase() {
    ((JdbcEntityStore) store).close();
    database.close();
  }
}
