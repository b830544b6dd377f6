package org.sundwerk.app.config;

import org.sundwerk.broker.context.AddContext;
import org.sundwerk.broker.context.DeleteContext;
import org.sundwerk.broker.context.ListContexts;
import org.sundwerk.broker.context.ServeContext;

/**
 * The @context management operations (clause 5.13) wired together for the HTTP API.
 *
 * @param add addContext
 * @param list listContexts
 * @param serve serveContext
 * @param delete deleteContext
 */
public record ContextManagement(
    AddContext add, ListContexts list, ServeContext serve, DeleteContext delete) {}
