package org.sundwerk.portal.alert;

import org.springframework.stereotype.Component;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.broker.subscription.LocalEndpoints;
import org.sundwerk.portal.PortalGate;
import org.sundwerk.portal.PortalProperties;

/**
 * Registers the alert mails as this node's receiver of {@code local:alerts}, once per node at
 * start. Until it is registered, or while the mail server refuses, a delivery fails and the outbox
 * retries it (with backoff, also after a restart); the mail is sent within the delivery, so that
 * the outbox forgets an alert only once the mail server took its mail. Also ends the follows of an
 * account that is deleted on this node.
 */
@Component
final class AlertReceiver {

  AlertReceiver(
      LocalEndpoints endpoints,
      AlertMails mails,
      Accounts accounts,
      Follows follows,
      PortalGate gate,
      PortalProperties portal) {
    endpoints.register(Follows.RECEIVER, mails::deliver);
    accounts.onChange(
        account -> {
          if (accounts.find(account).isEmpty()) {
            for (PortalProperties.Municipality m : portal.municipalities()) {
              follows.removeOrphans(m.tenant(), owner -> gate.alertRecipient(owner).isEmpty());
            }
          }
        });
  }
}
