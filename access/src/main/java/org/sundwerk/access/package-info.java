/**
 * Who may do what: the {@link org.sundwerk.access.Actor} a request's credentials resolve to, and
 * the one {@link org.sundwerk.access.AccessPolicy} decision on it; see {@code docs/access.md} for
 * how the app wires it.
 */
package org.sundwerk.access;
