/**
 * The NGSI-LD entity operations (clause 5.6 and 5.7): one handler per operation, each calling the
 * store port with a mutation computed from the current state.
 */
package org.sundwerk.broker.entity;
