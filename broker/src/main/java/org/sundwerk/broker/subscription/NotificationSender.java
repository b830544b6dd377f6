package org.sundwerk.broker.subscription;

import java.io.IOException;

/** Delivers one rendered notification to an endpoint. Implementations are thread-safe. */
public interface NotificationSender {

  /**
   * Sends and returns once the receiver acknowledged it (HTTP 2xx, MQTT publish completed).
   *
   * @param tenant the tenant, sent as {@code NGSILD-Tenant} unless it is the default tenant
   * @throws IOException when the endpoint refuses, fails or times out; the caller retries
   */
  void send(String tenant, Subscription.Endpoint endpoint, NotificationRenderer.Rendered rendered)
      throws IOException;
}
