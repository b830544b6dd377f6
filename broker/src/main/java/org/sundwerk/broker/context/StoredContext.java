package org.sundwerk.broker.context;

import java.time.Instant;

/**
 * A JSON-LD context the broker hosts or has cached.
 *
 * @param id the local identifier used in {@code /jsonldContexts/{id}}
 * @param url the URL the context stands for (for hosted ones, the broker's own URL)
 * @param kind {@code Hosted} (added by a user), {@code Cached} (fetched) or {@code
 *     ImplicitlyCreated}
 * @param body the context document as JSON text
 * @param createdAt when it was stored
 */
public record StoredContext(String id, String url, String kind, String body, Instant createdAt) {}
