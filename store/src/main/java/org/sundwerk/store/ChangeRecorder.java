package org.sundwerk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
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

  /**
   * @param afterDocument the entity after the change as the store encoded it for its own row (empty
   *     for a deletion), so that a recorder that stores the entity does not encode it again
   */
  void record(
      Connection connection,
      SqlDialect dialect,
      EntityChange change,
      Optional<String> afterDocument)
      throws SQLException;
}
