/** Configuration properties and the wiring of broker, store and contexts. */
package org.sundwerk.app.config;
