package org.sundwerk.broker.subscription;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.broker.paging.Paging;

/** Query Subscriptions (clause 5.8.4): one page and, if asked, the total. */
public final class QuerySubscriptions {

  private final SubscriptionStore store;
  private final int maxLimit;

  QuerySubscriptions(SubscriptionStore store, int maxLimit) {
    this.store = store;
    this.maxLimit = maxLimit;
  }

  public Page<Subscription> handle(String tenant, Paging paging) {
    return handle(tenant, Optional.empty(), paging);
  }

  /** The subscriptions of {@code party} only, if given (see {@link SubscriptionOwner#party()}). */
  public Page<Subscription> handle(String tenant, Optional<String> party, Paging paging) {
    paging.check(maxLimit);
    // One more than the page tells whether more follow.
    List<Subscription> read =
        paging.limit() == 0
            ? List.of()
            : store.list(tenant, party, paging.limit() + 1, paging.offset());
    return Page.ofOneMore(
        read,
        paging.limit(),
        paging.count() ? OptionalLong.of(store.count(tenant, party)) : OptionalLong.empty());
  }
}
