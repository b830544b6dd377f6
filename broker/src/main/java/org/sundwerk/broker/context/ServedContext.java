package org.sundwerk.broker.context;

/**
 * A context as {@code serveContext} returns it.
 *
 * @param summary what is known about it (the answer for {@code details=true})
 * @param body the context document as JSON text, served as {@code application/ld+json}
 */
public record ServedContext(ContextSummary summary, String body) {}
