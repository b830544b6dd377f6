package org.sundwerk.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entity store that records temporal history and the temporal store on it, on a fresh database
 * per test: SQLite here, PostgreSQL where a subclass overrides {@link #openDatabase()}.
 */
abstract class TemporalStoreFixture {

  @TempDir Path directory;

  StoreDatabase database;
  JdbcEntityStore entities;
  JdbcTemporalStore store;

  @BeforeEach
  void open() throws Exception {
    database = openDatabase();
    entities = new JdbcEntityStore(database, List.of(new TemporalRecorder(Clock.systemUTC())));
    store = new JdbcTemporalStore(entities, Clock.systemUTC());
  }

  /** A fresh, empty database; SQLite here, overridden per backend. */
  StoreDatabase openDatabase() throws Exception {
    return StoreDatabase.sqlite(directory);
  }

  @AfterEach
  void close() {
    entities.close();
    database.close();
  }
}
