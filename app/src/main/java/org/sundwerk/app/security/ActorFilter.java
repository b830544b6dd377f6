package org.sundwerk.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Actor;
import org.sundwerk.access.Decision;
import org.sundwerk.access.Operation;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.limit.RateLimiter;
import org.sundwerk.access.limit.Verdict;
import org.sundwerk.app.web.ProblemDetails;

/**
 * Runs before every controller: resolves the request's actor (for the tenant of its {@code
 * NGSILD-Tenant} header), refuses unknown credentials with 401, counts the request against the
 * actor's rate limit (429 with {@code Retry-After}), and decides the actuator, which has no
 * controller of ours to ask the gate. Controllers find the actor through {@link AccessGate}.
 */
final class ActorFilter extends OncePerRequestFilter {

  private final ActorResolver resolver;
  private final AccessGate gate;
  private final RateLimiter limiter;

  ActorFilter(ActorResolver resolver, AccessGate gate, RateLimiter limiter) {
    this.resolver = resolver;
    this.gate = gate;
    this.limiter = limiter;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    TenantId tenant = headerTenant(request);
    Actor actor;
    switch (resolver.resolve(request, tenant)) {
      case ActorResolver.Result.Refused refused -> {
        // Refused credentials count against the client's anonymous limit: guessing keys or
        // sending forged tokens (each costs a signature check) is throttled like any other call.
        if (!limited(new Actor.Anonymous(resolver.clientAddress(request)), response)) {
          response.setHeader(HttpHeaders.WWW_AUTHENTICATE, AccessDenied.CHALLENGE);
          ProblemDetails.writePlain(response, 401, "Unauthorized", refused.reason());
        }
        return;
      }
      case ActorResolver.Result.Resolved resolved -> actor = resolved.actor();
    }
    if (limited(actor, response)) {
      return;
    }
    request.setAttribute(AccessGate.RESOLVED, new AccessGate.Resolved(tenant, actor));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/actuator")) {
      Resource resource =
          path.equals("/actuator/health") || path.startsWith("/actuator/health/")
              ? Resource.HEALTH
              : Resource.ACTUATOR;
      Operation operation =
          "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
              ? Operation.READ
              : Operation.ADMIN;
      if (gate.decide(actor, AccessRequest.of(tenant, operation, resource))
          instanceof Decision.Deny deny) {
        AccessDenied denied = new AccessDenied(deny);
        if (denied.unauthenticated()) {
          response.setHeader(HttpHeaders.WWW_AUTHENTICATE, AccessDenied.CHALLENGE);
        }
        ProblemDetails.writePlain(response, denied.status(), denied.title(), deny.reason());
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** Answers 429 and returns true when {@code actor} is over its rate limit. */
  private boolean limited(Actor actor, HttpServletResponse response) throws IOException {
    if (!(limiter.tryAcquire(actor) instanceof Verdict.Limited limited)) {
      return false;
    }
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
    ProblemDetails.writePlain(
        response,
        429,
        "Too Many Requests",
        "Rate limit of "
            + actorKind(actor)
            + " reached; retry after "
            + limited.retryAfterSeconds()
            + " s");
    return true;
  }

  private static String actorKind(Actor actor) {
    return actor instanceof Actor.Anonymous ? "anonymous clients" : actor.principal();
  }

  /** The tenant the header names; a malformed name is left for the controller to reject. */
  private static TenantId headerTenant(HttpServletRequest request) {
    String name = request.getHeader("NGSILD-Tenant");
    if (name == null) {
      return TenantId.DEFAULT;
    }
    try {
      return TenantId.of(name.strip());
    } catch (IllegalArgumentException e) {
      return TenantId.DEFAULT;
    }
  }
}
