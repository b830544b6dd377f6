/**
 * The services and business APIs under {@code /api/v1/{tenant}/...}: the business module's features
 * over HTTP, each decided by the access gate, errors as RFC 9457 ProblemDetails.
 */
package org.sundwerk.app.business;
