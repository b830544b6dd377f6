package org.sundwerk.ngsild.jsonld;

import java.time.Instant;

/**
 * A context document as loaded for a URL.
 *
 * @param url the URL that was asked for
 * @param source where the document came from
 * @param body the document as JSON text
 * @param loadedAt when it was loaded (for fetched documents: when the fetch finished)
 */
public record ContextDocument(String url, Source source, String body, Instant loadedAt) {

  /** Where a document came from, in the order the loader tries them. */
  public enum Source {
    /** A bundled NGSI-LD core context, never fetched. */
    CORE,
    /** A context hosted by the broker itself. */
    HOSTED,
    /** A file from the configured preloaded-contexts directory. */
    PRELOADED,
    /** Fetched over HTTP(S) and cached. */
    FETCHED
  }
}
