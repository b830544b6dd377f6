package org.sundwerk.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * SQL work that runs on the single writer connection inside the writer's transaction (see {@link
 * GroupCommitWriter#submit(WriterWork)}). Must be fast and must not block on anything but the
 * connection; throwing rolls back only this work.
 */
@FunctionalInterface
interface WriterWork<R> {

  R run(Connection connection, StatementCache statements) throws SQLException;
}
