package org.sundwerk.broker.paging;

import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * Which page of the results a query asks for (clause 5.5.9): {@code limit} results after skipping
 * {@code offset}, and whether to count all matches. Every query operation (entities, temporal
 * entities, subscriptions) checks it with {@link #check}.
 *
 * @param limit results per page; 0 asks for the count only
 * @param offset results skipped before the page
 * @param count whether to compute the total number of matches
 */
public record Paging(int limit, int offset, boolean count) {

  /** The first {@code limit} results, not counted. */
  public static Paging first(int limit) {
    return new Paging(limit, 0, false);
  }

  /**
   * The one paging check of every query operation.
   *
   * @param maxLimit the largest page a client may ask for
   * @throws NgsiLdException BadRequestData for a negative limit or offset, or limit 0 without
   *     count; TooManyResults for a limit above {@code maxLimit}
   */
  public Paging check(int maxLimit) {
    if (limit < 0 || offset < 0) {
      throw NgsiLdException.badRequestData("limit and offset must not be negative");
    }
    if (limit > maxLimit) {
      throw new NgsiLdException(
          ErrorType.TOO_MANY_RESULTS,
          "limit " + limit + " is above the maximum of " + maxLimit + "; page with offset");
    }
    if (limit == 0 && !count) {
      throw NgsiLdException.badRequestData("limit=0 is only allowed together with count=true");
    }
    return this;
  }
}
