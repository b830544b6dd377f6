package org.sundwerk.broker.entity;

import java.util.List;
import java.util.function.Function;

/** Batch Entity Delete (clause 5.6.10): each id as Delete Entity. */
public final class BatchEntityDelete {

  private final Writes writes;
  private final DeleteEntity delete;

  BatchEntityDelete(Writes writes, DeleteEntity delete) {
    this.writes = writes;
    this.delete = delete;
  }

  public BatchResult handle(String tenant, List<String> ids) {
    return Batches.run(writes, tenant, ids, Function.identity(), delete::mutation);
  }
}
