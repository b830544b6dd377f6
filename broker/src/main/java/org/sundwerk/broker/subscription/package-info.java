/**
 * NGSI-LD subscriptions (clause 5.8) and their notifications (clause 5.3): the subscription model,
 * its operations, matching entity changes against the cached active subscriptions, and the notifier
 * that drains the store's outbox over HTTP and MQTT.
 */
package org.sundwerk.broker.subscription;
