package org.sundwerk.ingestion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the keys of the most recent uplinks so that copies (several gateways, retried webhooks,
 * MQTT redelivery) are dropped. Bounded: the oldest key is forgotten first. Thread-safe; every
 * method holds the instance lock, which guards {@code seen}.
 */
final class DuplicateFilter {

  private final Map<String, Boolean> seen;

  /**
   * @param capacity how many keys are remembered; must be positive
   */
  DuplicateFilter(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.seen =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** True when the key was new and is now remembered; false for a duplicate. */
  synchronized boolean firstSighting(String key) {
    return seen.putIfAbsent(key, Boolean.TRUE) == null;
  }

  /** Forgets a key whose message failed, so that a retry is not taken for a duplicate. */
  synchronized void forget(String key) {
    seen.remove(key);
  }
}
