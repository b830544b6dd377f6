package org.sundwerk.broker.context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.sundwerk.ngsild.jsonld.ContextDocument;
import org.sundwerk.ngsild.jsonld.ContextResolver;

/**
 * Every context the broker knows: the stored ones (hosted, implicitly created) and the ones the
 * resolver has fetched and cached. Cached contexts get a local id derived from their URL, so it
 * stays the same for as long as they are cached.
 */
final class KnownContexts {

  /** One known context. */
  record Known(ContextSummary summary, String body) {}

  private final ContextStore store;
  private final ContextResolver resolver;

  KnownContexts(ContextStore store, ContextResolver resolver) {
    this.store = store;
    this.resolver = resolver;
  }

  List<Known> all() {
    List<Known> known = new ArrayList<>();
    store.all().stream().map(KnownContexts::stored).forEach(known::add);
    resolver.loader().cachedDocuments().stream().map(KnownContexts::cached).forEach(known::add);
    known.sort(
        Comparator.comparing((Known k) -> k.summary().createdAt())
            .thenComparing(k -> k.summary().localId()));
    return known;
  }

  /** The context with the local id or, failing that, with the URL. */
  Optional<Known> find(String idOrUrl) {
    Optional<Known> byId = store.find(idOrUrl).map(KnownContexts::stored);
    if (byId.isPresent()) {
      return byId;
    }
    return Stream.concat(
            store.all().stream().map(KnownContexts::stored),
            resolver.loader().cachedDocuments().stream().map(KnownContexts::cached))
        .filter(k -> k.summary().localId().equals(idOrUrl) || k.summary().url().equals(idOrUrl))
        .findFirst();
  }

  private static Known stored(StoredContext context) {
    return new Known(
        new ContextSummary(
            context.url(),
            context.id(),
            ContextKind.fromApiName(context.kind()),
            context.createdAt()),
        context.body());
  }

  private static Known cached(ContextDocument document) {
    String localId =
        UUID.nameUUIDFromBytes(document.url().getBytes(StandardCharsets.UTF_8)).toString();
    return new Known(
        new ContextSummary(document.url(), localId, ContextKind.CACHED, document.loadedAt()),
        document.body());
  }
}
