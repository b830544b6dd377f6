/**
 * The HTTP edge in front of the controllers: what the servlet container and Spring MVC accept (raw
 * query characters, trailing slashes, body sizes) and how every error they raise themselves becomes
 * an NGSI-LD ProblemDetails.
 */
package org.sundwerk.app.web;
