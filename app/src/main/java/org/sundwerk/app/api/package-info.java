/** The NGSI-LD HTTP API under {@code /ngsi-ld/v1}: request parsing, controllers, rendering. */
package org.sundwerk.app.api;
