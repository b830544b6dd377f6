package org.sundwerk.broker.context;

import java.util.List;
import java.util.Optional;

/**
 * Durable storage of the JSON-LD contexts that the broker hosts ({@code /jsonldContexts}). Contexts
 * are global, not per tenant. Thread-safe; {@link #save} is durable when it returns.
 */
public interface ContextStore {

  void save(StoredContext context);

  Optional<StoredContext> find(String id);

  List<StoredContext> all();

  boolean delete(String id);
}
