/** The runnable platform: Spring Boot wiring, configuration and the HTTP API. */
package org.sundwerk.app;
