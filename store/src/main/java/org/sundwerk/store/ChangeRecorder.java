package org.sundwerk.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.sundwerk.broker.entity.EntityChange;

/**
 * Writes rows derived from entity changes (temporal instances, outbox messages) inside the same
 * transaction as the changes, so both commit together or not at all. Collect, then write: the
 * writer first asks each recorder for the rows of one change ({@link #rowsOf}, Java only), and
 * later writes the rows of all changes of its batch at once ({@link #write}), so that a batch of a
 * thousand changes costs a few statements, not a few thousand.
 *
 * <p>Runs on the single writer thread: it must be fast and must not block on anything but the
 * writer's connection. Throwing from {@link #rowsOf} fails only that one write; a failing {@link
 * #write} makes the writer roll back and run its batch again one write per savepoint, so that again
 * only the write whose rows fail is refused.
 *
 * @param <R> what the recorder writes for one change
 */
public interface ChangeRecorder<R> {

  /**
   * The rows to write for {@code change}, computed without touching the database; empty if it
   * writes nothing for it.
   *
   * @param afterDocument the entity after the change as the store encoded it for its own row (empty
   *     for a deletion), so that a recorder that stores the entity does not encode it again
   */
  List<R> rowsOf(EntityChange change, Optional<String> afterDocument);

  /**
   * Writes {@code rows} (of one or many changes, in the order of the changes; never empty) on the
   * writer's connection, inside its transaction.
   */
  void write(StatementCache statements, SqlDialect dialect, List<R> rows) throws SQLException;
}
