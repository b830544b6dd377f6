package org.sundwerk.broker.entity;

import java.util.ArrayList;
import java.util.List;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * The outcome of a batch operation (clause 5.2.16): the ids that succeeded and, per failed entity,
 * its error. {@code created} lists the ids an upsert created (a subset of {@code success}).
 */
public record BatchResult(List<String> success, List<String> created, List<BatchError> errors) {

  public BatchResult {
    success = List.copyOf(success);
    created = List.copyOf(created);
    errors = List.copyOf(errors);
  }

  /**
   * @param entityId the id as given (may be invalid, then as much of it as was readable)
   * @param error why this entity failed
   */
  public record BatchError(String entityId, NgsiLdException error) {}

  /** Adds errors found before the operation ran, e.g. entities that failed to parse. */
  public BatchResult withErrors(List<BatchError> earlier) {
    List<BatchError> all = new ArrayList<>(earlier);
    all.addAll(errors);
    return new BatchResult(success, created, all);
  }
}
