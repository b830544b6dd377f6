package org.sundwerk.broker.context;

import org.sundwerk.broker.cluster.ClusterSignals;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.ContextResolver;

/**
 * {@code deleteContext} (DELETE /jsonldContexts/{contextId}?reload=...): removes a hosted or
 * implicitly created context, or drops a cached one, optionally fetching it again at once.
 */
public final class DeleteContext {

  private final ContextStore store;
  private final ContextResolver resolver;
  private final KnownContexts known;
  private final ClusterSignals signals;

  /**
   * @param signals tells the other nodes on the database to forget the deleted context too
   */
  public DeleteContext(ContextStore store, ContextResolver resolver, ClusterSignals signals) {
    this.store = store;
    this.resolver = resolver;
    this.signals = signals;
    this.known = new KnownContexts(store, resolver);
  }

  /**
   * Deletes the context with the local id (or URL). Every dictionary built from it is forgotten, so
   * later requests that name its URL no longer resolve it from the broker.
   *
   * @param reload for a cached context: fetch it again now; not allowed for other kinds
   * @throws NgsiLdException {@code ResourceNotFound} when the broker does not know the context,
   *     {@code BadRequestData} for {@code reload} on a context that is not cached, {@code
   *     LdContextNotAvailable} when a reload fails (the context is then no longer cached)
   */
  public void handle(String contextId, boolean reload) {
    ContextSummary summary =
        known
            .find(contextId)
            .map(KnownContexts.Known::summary)
            .orElseThrow(() -> NgsiLdException.notFound("no @context with id " + contextId));
    if (summary.kind() != ContextKind.CACHED) {
      if (reload) {
        throw NgsiLdException.badRequestData(
            "reload applies only to cached contexts; "
                + contextId
                + " is "
                + summary.kind().apiName());
      }
      store.delete(summary.localId());
    }
    resolver.invalidate(summary.url());
    signals.publish(ClusterSignals.Topic.CONTEXTS, summary.url());
    if (reload) {
      resolver.loader().load(summary.url());
    }
  }
}
