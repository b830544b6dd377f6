package org.sundwerk.broker.context;

import java.util.List;
import java.util.Optional;
import org.sundwerk.ngsild.jsonld.ContextResolver;

/**
 * {@code listContexts} (GET /jsonldContexts): the contexts the broker hosts or has cached, oldest
 * first. With {@code details=false} the API answers only their URLs; with {@code details=true} the
 * whole summaries.
 */
public final class ListContexts {

  private final KnownContexts known;

  public ListContexts(ContextStore store, ContextResolver resolver) {
    this.known = new KnownContexts(store, resolver);
  }

  /** The contexts of the kind, or of every kind when it is empty. */
  public List<ContextSummary> handle(Optional<ContextKind> kind) {
    return known.all().stream()
        .map(KnownContexts.Known::summary)
        .filter(summary -> kind.isEmpty() || summary.kind() == kind.get())
        .toList();
  }
}
