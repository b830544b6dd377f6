package org.sundwerk.ingestion;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of ingested, duplicate and rejected messages, free of any metrics library so that the
 * app can expose them with its own (Micrometer gauges). Thread-safe.
 */
public final class IngestionMetrics {

  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final Map<Rejection, AtomicLong> rejected = new EnumMap<>(Rejection.class);

  public IngestionMetrics() {
    for (Rejection reason : Rejection.values()) {
      rejected.put(reason, new AtomicLong());
    }
  }

  void record(IngestResult result) {
    switch (result) {
      case IngestResult.Accepted ignored -> accepted.incrementAndGet();
      case IngestResult.Duplicate ignored -> duplicates.incrementAndGet();
      case IngestResult.Rejected r -> rejected.get(r.reason()).incrementAndGet();
    }
  }

  public long accepted() {
    return accepted.get();
  }

  public long duplicates() {
    return duplicates.get();
  }

  public long rejected(Rejection reason) {
    return rejected.get(reason).get();
  }
}
