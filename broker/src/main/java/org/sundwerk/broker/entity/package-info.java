/**
 * The NGSI-LD entity operations (clause 5.6 and 5.7), one handler per operation, and their port
 * {@link org.sundwerk.broker.entity.EntityStore}, which the store module implements.
 */
package org.sundwerk.broker.entity;
