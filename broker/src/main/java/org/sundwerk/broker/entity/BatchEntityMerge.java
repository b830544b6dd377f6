package org.sundwerk.broker.entity;

import java.util.List;
import org.sundwerk.ngsild.model.Entity;

/** Batch Entity Merge (clause 5.6.20): each fragment as Merge Entity. */
public final class BatchEntityMerge {

  private final Writes writes;
  private final MergeEntity merge;

  BatchEntityMerge(Writes writes, MergeEntity merge) {
    this.writes = writes;
    this.merge = merge;
  }

  public BatchResult handle(String tenant, List<Entity> fragments) {
    return Batches.run(writes, tenant, fragments, Entity::id, merge::mutation);
  }
}
