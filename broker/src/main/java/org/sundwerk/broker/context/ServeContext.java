package org.sundwerk.broker.context;

import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.ContextResolver;

/** {@code serveContext} (GET /jsonldContexts/{contextId}): one hosted or cached context. */
public final class ServeContext {

  private final KnownContexts known;

  public ServeContext(ContextStore store, ContextResolver resolver) {
    this.known = new KnownContexts(store, resolver);
  }

  /**
   * The context with the local id (or URL).
   *
   * @throws NgsiLdException {@code ResourceNotFound} when the broker does not know it
   */
  public ServedContext handle(String contextId) {
    return known
        .find(contextId)
        .map(k -> new ServedContext(k.summary(), k.body()))
        .orElseThrow(() -> NgsiLdException.notFound("no @context with id " + contextId));
  }
}
