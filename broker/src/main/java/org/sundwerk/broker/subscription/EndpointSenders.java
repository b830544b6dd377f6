package org.sundwerk.broker.subscription;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.sundwerk.ngsild.jsonld.UrlGuard;

/**
 * Routes a notification by the endpoint's scheme to HTTP or MQTT, after the SSRF guard admitted the
 * endpoint's host. The guard runs before every send and only then, not when the subscription is
 * created: what a host name resolves to can change, and a subscription to a host that is unknown or
 * refused today is accepted and records each refused delivery in its status ({@code lastFailure},
 * {@code timesFailed}) like any other failed delivery. {@code local:<name>} endpoints, which only
 * the platform can create, go to the {@link LocalEndpoints} of this node, with neither guard nor
 * network.
 */
public final class EndpointSenders implements NotificationSender {

  private final UrlGuard guard;
  private final NotificationSender http;
  private final NotificationSender mqtt;
  private final LocalEndpoints local;

  /** Without local endpoints: a {@code local:} subscription is never delivered. */
  public EndpointSenders(UrlGuard guard, NotificationSender http, NotificationSender mqtt) {
    this(guard, http, mqtt, new LocalEndpoints());
  }

  public EndpointSenders(
      UrlGuard guard, NotificationSender http, NotificationSender mqtt, LocalEndpoints local) {
    this.guard = guard;
    this.http = http;
    this.mqtt = mqtt;
    this.local = local;
  }

  @Override
  public void send(
      String tenant, Subscription.Endpoint endpoint, NotificationRenderer.Rendered rendered)
      throws IOException {
    Optional<String> name = LocalEndpoints.nameOf(endpoint.uri());
    if (name.isPresent()) {
      local.deliver(name.get(), tenant, rendered);
      return;
    }
    if (check(endpoint.uri()) instanceof UrlGuard.Verdict.Denied denied) {
      throw new IOException("endpoint refused: " + denied.reason());
    }
    String scheme = endpoint.uri().getScheme().toLowerCase(Locale.ROOT);
    NotificationSender sender = scheme.startsWith("mqtt") ? mqtt : http;
    sender.send(tenant, endpoint, rendered);
  }

  /** MQTT URLs are checked as the http URL of the same host, the guard knowing only http(s). */
  private UrlGuard.Verdict check(URI endpoint) {
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.startsWith("mqtt")) {
      return guard.check(endpoint);
    }
    try {
      return guard.check(
          new URI("http", null, endpoint.getHost(), endpoint.getPort(), "/", null, null));
    } catch (URISyntaxException e) {
      return new UrlGuard.Verdict.Denied("not a URL: " + endpoint);
    }
  }
}
