package org.sundwerk.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.sundwerk.broker.entity.EntityChange;

/**
 * Writes rows derived from an entity change (temporal instances, outbox messages) inside the same
 * transaction and savepoint as the change itself, so both commit together or not at all.
 *
 * <p>Runs on the single writer thread: it must be fast and must not block on anything but the given
 * connection. Throwing fails (and rolls back) only this one write.
 */
@FunctionalInterface
public interface ChangeRecorder {

  void record(Connection connection, SqlDialect dialect, EntityChange change) throws SQLException;
}
