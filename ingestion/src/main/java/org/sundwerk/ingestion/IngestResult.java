package org.sundwerk.ingestion;

/** What became of one device message. */
public sealed interface IngestResult {

  /** Merged into the entity. */
  record Accepted(String tenant, String entityId) implements IngestResult {}

  /** A copy of an uplink already ingested; nothing changed. */
  record Duplicate(String key) implements IngestResult {}

  /** Not ingested; {@code detail} says why in words. */
  record Rejected(Rejection reason, String detail) implements IngestResult {}
}
