/**
 * The {@code /jsonldContexts} operations (hosting, listing, serving and deleting JSON-LD contexts)
 * and their port {@link org.sundwerk.broker.context.ContextStore}.
 */
package org.sundwerk.broker.context;
