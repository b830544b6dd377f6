package org.sundwerk.broker.entity;

import java.util.Optional;
import org.sundwerk.ngsild.model.Entity;

/**
 * A change to one entity computed from its current state, run by the store inside its write
 * transaction. Must be a pure function of its input (it may run again after a retry) and fast (it
 * holds the write lock). Throwing an {@code NgsiLdException} aborts this write only.
 */
@FunctionalInterface
public interface EntityMutation<R> {

  Outcome<R> apply(Optional<Entity> current);

  /** What to do with the entity. */
  sealed interface Outcome<R> {
    R result();
  }

  /** Store this state (create or overwrite). */
  record Put<R>(Entity entity, R result) implements Outcome<R> {}

  /** Delete the entity (it exists). */
  record Delete<R>(R result) implements Outcome<R> {}

  /** Leave the entity as it is. */
  record Keep<R>(R result) implements Outcome<R> {}
}
