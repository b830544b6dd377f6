/**
 * Who makes a request and whether it may: credentials to {@code Actor}, rate limits, and the one
 * gate every entry asks ({@link org.sundwerk.app.security.AccessGate}), which asks {@code
 * AccessPolicy}.
 */
package org.sundwerk.app.security;
