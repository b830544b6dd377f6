package org.sundwerk.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.sundwerk.access.Actor;
import org.sundwerk.access.audit.AuditEvent;

/**
 * The one place where writes and admin actions enter the audit log: after a handler of the APIs
 * ({@code /ngsi-ld}, {@code /ingestion}, {@code /api}) answered a request that changes something
 * with 2xx. Who: the actor the gate decided on, in the tenant it decided for (the last one, for a
 * request decided in several). What: the method and the route, e.g. {@code PATCH
 * /ngsi-ld/v1/entities/{id}/attrs}. On what: the route's variables but the tenant (e.g. the entity
 * id, {@code id/attr}), else the id the {@code Location} of a 201 names, else nothing (batches,
 * webhooks). From where: the client address the rate limiter counts. Queries sent as POST are reads
 * and not recorded; refused and failed requests neither (they changed nothing).
 */
final class AuditInterceptor implements HandlerInterceptor {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final AuditTrail trail;
  private final ActorResolver resolver;
  private final Clock clock;

  AuditInterceptor(AuditTrail trail, ActorResolver resolver, Clock clock) {
    this.trail = trail;
    this.resolver = resolver;
    this.clock = clock;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    int status = response.getStatus();
    if (status < 200 || status > 299 || SAFE.contains(request.getMethod())) {
      return;
    }
    if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
            instanceof String route)
        || route.endsWith("/query")
        || !(request.getAttribute(AccessGate.RESOLVED) instanceof AccessGate.Resolved resolved)) {
      return;
    }
    Actor actor = resolved.actor();
    String source =
        actor instanceof Actor.Anonymous anonymous
            ? anonymous.client()
            : resolver.clientAddress(request);
    trail.record(
        new AuditEvent(
            clock.instant(),
            actor.principal(),
            resolved.tenant(),
            request.getMethod() + " " + route,
            target(request, response),
            source));
  }

  private static String target(HttpServletRequest request, HttpServletResponse response) {
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
            instanceof Map<?, ?> variables
        && !variables.isEmpty()) {
      String joined =
          variables.entrySet().stream()
              .filter(variable -> !"tenant".equals(variable.getKey()))
              .map(variable -> String.valueOf(variable.getValue()))
              .collect(Collectors.joining("/"));
      if (!joined.isEmpty()) {
        return joined;
      }
    }
    String location = response.getHeader(HttpHeaders.LOCATION);
    if (location == null) {
      return "";
    }
    try {
      String path = URI.create(location).getRawPath();
      String last = path.substring(path.lastIndexOf('/') + 1);
      // Percent-decoding only: a '+' in a path is a plus, not a space.
      return URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return location;
    }
  }
}
