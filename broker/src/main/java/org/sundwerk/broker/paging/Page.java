package org.sundwerk.broker.paging;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a query's results.
 *
 * @param items the results of the page, in the query's stable order
 * @param count the total number of matches, when the {@link Paging} asked for it
 * @param more whether results follow this page (a client's next page is not empty)
 * @param <T> what the query returns
 */
public record Page<T>(List<T> items, OptionalLong count, boolean more) {

  public Page {
    items = List.copyOf(items);
  }

  /**
   * The page from up to {@code limit + 1} results read in order: the extra one only tells that more
   * follow.
   */
  public static <T> Page<T> ofOneMore(List<T> read, int limit, OptionalLong count) {
    boolean more = read.size() > limit;
    return new Page<>(more ? read.subList(0, limit) : read, count, more);
  }

  /** The same page with other items (e.g. the entities of a page of ids). */
  public <U> Page<U> withItems(List<U> other) {
    return new Page<>(other, count, more);
  }
}
