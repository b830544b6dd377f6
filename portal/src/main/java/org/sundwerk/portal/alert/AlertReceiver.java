package org.sundwerk.portal.alert;

import org.springframework.stereotype.Component;
import org.sundwerk.broker.subscription.LocalEndpoints;

/**
 * Registers the alert mails as this node's receiver of {@code local:alerts}, once per node at
 * start. Until it is registered, or while the mail server refuses, a delivery fails and the outbox
 * retries it (with backoff, also after a restart); the mail is sent within the delivery, so that
 * the outbox forgets an alert only once the mail server took its mail.
 */
@Component
final class AlertReceiver {

  AlertReceiver(LocalEndpoints endpoints, AlertMails mails) {
    endpoints.register(Follows.RECEIVER, mails::deliver);
  }
}
