package org.sundwerk.broker.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sundwerk.ngsild.model.Attribute;
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

  /**
   * Store this state (create or overwrite).
   *
   * @param history attribute instances, by attribute name, that go into the temporal representation
   *     only, without becoming current (an observation older than the current one), in the same
   *     transaction; their system times must be set
   */
  record Put<R>(Entity entity, R result, Map<String, List<Attribute>> history)
      implements Outcome<R> {

    public Put {
      history = Map.copyOf(history);
    }

    public Put(Entity entity, R result) {
      this(entity, result, Map.of());
    }
  }

  /** Delete the entity (it exists). */
  record Delete<R>(R result) implements Outcome<R> {}

  /** Leave the entity as it is. */
  record Keep<R>(R result) implements Outcome<R> {}
}
