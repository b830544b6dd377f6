package org.sundwerk.broker.context;

import java.time.Instant;

/**
 * What {@code listContexts} with {@code details=true} tells about one context.
 *
 * @param url the URL the context stands for
 * @param localId the identifier under {@code /jsonldContexts/{localId}}
 * @param kind hosted, cached or implicitly created
 * @param createdAt when it was added (hosted, implicitly created) or fetched (cached)
 */
public record ContextSummary(String url, String localId, ContextKind kind, Instant createdAt) {}
