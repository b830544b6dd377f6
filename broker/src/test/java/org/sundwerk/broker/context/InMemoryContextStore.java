package org.sundwerk.broker.context;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ContextStore} in a map, for tests of the operations above the store. Thread-safe. */
final class InMemoryContextStore implements ContextStore {

  private final Map<String, StoredContext> contexts = new ConcurrentHashMap<>();

  @Override
  public void save(StoredContext context) {
    contexts.put(context.id(), context);
  }

  @Override
  public Optional<StoredContext> find(String id) {
    return Optional.ofNullable(contexts.get(id));
  }

  @Override
  public List<StoredContext> all() {
    return contexts.values().stream()
        .sorted(Comparator.comparing(StoredContext::createdAt).thenComparing(StoredContext::id))
        .toList();
  }

  @Override
  public boolean delete(String id) {
    return contexts.remove(id) != null;
  }
}
