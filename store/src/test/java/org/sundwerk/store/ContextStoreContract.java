package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.broker.context.ContextStore;
import org.sundwerk.broker.context.StoredContext;

/** The contract of {@link ContextStore}: subclass it and return a fresh, empty store. */
public abstract class ContextStoreContract {

  private static final Instant CREATED = Instant.parse("2024-05-01T08:00:00.123Z");

  protected ContextStore store;

  /** A new, empty store. */
  protected abstract ContextStore newStore() throws Exception;

  /** Releases what {@link #newStore()} opened. */
  protected abstract void closeStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void close() throws Exception {
    closeStore();
  }

  private static StoredContext context(String id, String body) {
    return new StoredContext(id, "http://broker/jsonldContexts/" + id, "Hosted", body, CREATED);
  }

  @Test
  void findsASavedContext() {
    StoredContext context = context("c1", "{\"@context\":{\"a\":\"https://example.org/a\"}}");

    store.save(context);

    assertThat(store.find("c1")).contains(context);
    assertThat(store.find("unknown")).isEmpty();
  }

  @Test
  void saveReplacesAContextWithTheSameId() {
    store.save(context("c1", "{}"));
    StoredContext replacement = context("c1", "{\"@context\":{}}");

    store.save(replacement);

    assertThat(store.all()).containsExactly(replacement);
  }

  @Test
  void listsAllContextsOrderedById() {
    store.save(context("b", "{}"));
    store.save(context("a", "{}"));

    assertThat(store.all()).extracting(StoredContext::id).containsExactly("a", "b");
  }

  @Test
  void deleteReportsWhetherTheContextExisted() {
    store.save(context("c1", "{}"));

    assertThat(store.delete("c1")).isTrue();
    assertThat(store.delete("c1")).isFalse();
    assertThat(store.find("c1")).isEmpty();
  }
}
