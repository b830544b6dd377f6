package org.sundwerk.broker.cluster;

/**
 * Whether this node runs the jobs that must run once among the nodes sharing a database (periodic
 * notifications, pruning). At most one node is leader at a time; when it dies another becomes
 * leader at its next {@link #isLeader()}. Implementations are thread-safe.
 */
public interface Leadership extends AutoCloseable {

  /** The leadership of a node that has no other nodes: always the leader. */
  Leadership ALONE = () -> true;

  /**
   * True if this node is the leader now; tries to become it if no node is. May do a round trip to
   * the database, so call it once per job run, not per item.
   */
  boolean isLeader();

  /** Gives leadership up. */
  @Override
  default void close() {}
}
