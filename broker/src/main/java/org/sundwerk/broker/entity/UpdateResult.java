package org.sundwerk.broker.entity;

import java.util.List;

/**
 * The outcome of an attribute update (clause 5.2.18): which attributes changed and which did not,
 * with a reason. An empty {@code notUpdated} means full success (HTTP 204), otherwise 207.
 *
 * @param updated expanded names of the attributes that were written
 * @param notUpdated the attributes that were left alone
 */
public record UpdateResult(List<String> updated, List<NotUpdated> notUpdated) {

  public UpdateResult {
    updated = List.copyOf(updated);
    notUpdated = List.copyOf(notUpdated);
  }

  public boolean complete() {
    return notUpdated.isEmpty();
  }

  /**
   * @param attributeName expanded name
   * @param reason why it was not written
   */
  public record NotUpdated(String attributeName, String reason) {}
}
