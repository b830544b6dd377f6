package org.sundwerk.store;

import java.util.Optional;

/**
 * Whether the store's writer can commit: down from a write transaction that failed because the
 * database was unavailable (connection lost, disk full) until a later transaction or the writer's
 * probe commits again.
 *
 * @param up whether the last write transaction (or probe) committed
 * @param problem why not, when down
 */
public record WritePathStatus(boolean up, Optional<String> problem) {

  static final WritePathStatus UP = new WritePathStatus(true, Optional.empty());

  static WritePathStatus down(String problem) {
    return new WritePathStatus(false, Optional.of(problem));
  }
}
