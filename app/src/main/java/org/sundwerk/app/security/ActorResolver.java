package org.sundwerk.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.access.Actor;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.key.KeyActors;
import org.sundwerk.access.key.PresentedCredential;
import org.sundwerk.portal.account.SessionActors;

/**
 * Turns a request's credentials into its {@link Actor} for one tenant: an API key ({@code
 * Authorization: Bearer sw_...} or {@code X-API-Key}), an OIDC access token (a JWT bearer), a
 * portal session, or nothing (anonymous, counted by client address). Thread-safe.
 */
final class ActorResolver {

  /** The outcome: an actor, or why the presented credential is refused (answered 401). */
  sealed interface Result {
    record Resolved(Actor actor) implements Result {}

    record Refused(String reason) implements Result {}
  }

  private final KeyActors keys;
  private final BearerActors bearers;
  private final SessionActors sessions;
  private final Set<String> trustedProxies;

  ActorResolver(
      KeyActors keys, BearerActors bearers, SessionActors sessions, List<String> trustedProxies) {
    this.keys = keys;
    this.bearers = bearers;
    this.sessions = sessions;
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  Result resolve(HttpServletRequest http, TenantId tenant) {
    PresentedCredential credential =
        PresentedCredential.from(
            Optional.ofNullable(http.getHeader("Authorization")),
            Optional.ofNullable(http.getHeader("X-API-Key")));
    return switch (credential) {
      case PresentedCredential.None none ->
          new Result.Resolved(
              (isApi(http) ? Optional.<Actor>empty() : sessions.actorFor(http, tenant))
                  .orElseGet(() -> new Actor.Anonymous(clientAddress(http))));
      case PresentedCredential.ApiKey key ->
          keys.actorFor(key.key(), tenant)
              .<Result>map(Result.Resolved::new)
              .orElseGet(() -> new Result.Refused("unknown, revoked or malformed API key"));
      case PresentedCredential.BearerToken token ->
          bearers
              .actorFor(token.jwt(), tenant)
              .<Result>map(Result.Resolved::new)
              .orElseGet(() -> new Result.Refused("the bearer token is not valid here"));
      case PresentedCredential.Invalid invalid -> new Result.Refused(invalid.reason());
    };
  }

  /**
   * Session cookies count on portal pages only: the APIs have no CSRF protection, so a cookie a
   * browser sends along must not authorise a write there.
   */
  private static boolean isApi(HttpServletRequest http) {
    String path = http.getRequestURI().substring(http.getContextPath().length());
    return SecurityConfiguration.API_PREFIXES.stream().anyMatch(path::startsWith);
  }

  /**
   * The client the rate limiter counts: the TCP peer, or behind a trusted proxy the rightmost
   * address of {@code X-Forwarded-For} that is not a trusted proxy itself (the ones further left
   * are whatever the client wrote).
   */
  String clientAddress(HttpServletRequest http) {
    String peer = http.getRemoteAddr();
    String forwarded = http.getHeader("X-Forwarded-For");
    if (forwarded == null || !trustedProxies.contains(peer)) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
