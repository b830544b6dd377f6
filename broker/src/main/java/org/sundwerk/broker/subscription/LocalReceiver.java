package org.sundwerk.broker.subscription;

import tools.jackson.databind.JsonNode;

/**
 * Receives the notifications of the platform's own subscriptions to a {@code local:<name>}
 * endpoint, in the process that registered it ({@link LocalEndpoints#register}). Called on a
 * notifier thread, one call per subscription at a time and in the order of the changes; must be
 * thread-safe across subscriptions and should return quickly (hand slow work to another thread).
 */
@FunctionalInterface
public interface LocalReceiver {

  /**
   * Takes one notification. Returning means delivered: the outbox forgets it.
   *
   * @param tenant the tenant, empty for the default tenant
   * @param subscriptionId the subscription that matched
   * @param notification the NGSI-LD Notification (clause 5.3.1: {@code id}, {@code type}, {@code
   *     subscriptionId}, {@code notifiedAt}, {@code data}) in the subscription's format (normalized
   *     unless it says otherwise), compacted with the subscription's context
   * @throws Exception to refuse it: the outbox retries it with backoff, as a failed HTTP delivery
   */
  void receive(String tenant, String subscriptionId, JsonNode notification) throws Exception;
}
