package org.sundwerk.broker.subscription;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-process notification endpoints of this node: a subscription whose endpoint is {@code
 * local:<name>} is delivered to the {@link LocalReceiver} registered here under {@code name}, with
 * the outbox's guarantees (at least once, retried with backoff, kept across restarts), without HTTP
 * and without the SSRF guard.
 *
 * <p>Who may create such subscriptions: only the platform's code, through {@link
 * CreateSubscription#platform}. The NGSI-LD API reads subscriptions with {@link
 * SubscriptionJson#read(JsonNode, org.sundwerk.ngsild.jsonld.TermDictionary, Optional,
 * java.time.Instant)}, which refuses {@code local:} endpoints (BadRequestData) on create and on
 * update, so no client can point a subscription at a platform feature and feed it forged or
 * unchecked notifications.
 *
 * <p>A name without a receiver on this node (not registered yet, or another node's name on a shared
 * database) fails the delivery, which the outbox retries later. Thread-safe.
 */
public final class LocalEndpoints {

  /** The URI scheme of local endpoints. */
  public static final String SCHEME = "local";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ConcurrentHashMap<String, LocalReceiver> receivers = new ConcurrentHashMap<>();

  /** The endpoint URI for {@code name}, e.g. {@code local:portal-map}. */
  public static URI uri(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a local endpoint name: " + name);
    }
    return URI.create(SCHEME + ":" + name);
  }

  /** The name of a {@code local:<name>} URI; empty for any other URI. */
  public static Optional<String> nameOf(URI uri) {
    if (uri.getScheme() == null
        || !uri.getScheme().toLowerCase(Locale.ROOT).equals(SCHEME)
        || !uri.isOpaque()) {
      return Optional.empty();
    }
    String name = uri.getSchemeSpecificPart();
    return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
  }

  /**
   * Delivers the notifications of {@code local:<name>} to {@code receiver} from now on, replacing a
   * receiver registered under the same name before.
   */
  public void register(String name, LocalReceiver receiver) {
    uri(name);
    receivers.put(name, receiver);
  }

  /** Stops delivering to {@code name}: its notifications fail and are retried until it returns. */
  public void unregister(String name) {
    receivers.remove(name);
  }

  /** Hands a rendered notification to the receiver of {@code name}. */
  void deliver(String name, String tenant, NotificationRenderer.Rendered rendered)
      throws IOException {
    LocalReceiver receiver = receivers.get(name);
    if (receiver == null) {
      throw new IOException("no receiver for local:" + name + " on this node");
    }
    JsonNode notification = JSON.readTree(rendered.body());
    try {
      receiver.receive(tenant, notification.path("subscriptionId").asString(), notification);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while notifying local:" + name, e);
    } catch (Exception e) {
      throw new IOException("local:" + name + " refused: " + e.getMessage(), e);
    }
  }
}
