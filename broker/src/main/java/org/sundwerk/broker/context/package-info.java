/**
 * The {@code /jsonldContexts} operations: hosting, listing, serving and deleting JSON-LD contexts.
 */
package org.sundwerk.broker.context;
