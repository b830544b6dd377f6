package org.sundwerk.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;

/**
 * The security headers of every response, in one place: Spring Security writes them on everything
 * that passes its filters (see {@code SecurityConfiguration}), {@link ProblemReportValve} on what
 * Tomcat rejects before. HSTS goes out only over TLS, or behind a trusted reverse proxy that says
 * the client spoke TLS ({@code X-Forwarded-Proto: https}): a browser that met it over plain HTTP on
 * a test box would refuse the box's plain HTTP for a year.
 */
public final class SecurityHeaders {

  /** The APIs render nothing and are framed by nobody. */
  public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

  /** The portal: own scripts and styles only (no inline script), map tiles from https. */
  public static final String PORTAL_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self';"
          + " img-src 'self' data: https:; connect-src 'self';"
          + " object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /**
   * The origin only, and only to https: map tile servers (OpenStreetMap's usage policy) want to
   * know which site embeds their tiles, nothing more.
   */
  public static final String REFERRER_POLICY = "same-origin";

  /** One year, with subdomains: what HSTS preload lists ask for. */
  public static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

  private final Set<String> trustedProxies;

  public SecurityHeaders(List<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  /** Whether the client reached us over TLS, directly or through a trusted reverse proxy. */
  public boolean overTls(HttpServletRequest request) {
    if (request.isSecure()) {
      return true;
    }
    String proto = request.getHeader("X-Forwarded-Proto");
    return proto != null
        && trustedProxies.contains(request.getRemoteAddr())
        && proto.strip().equalsIgnoreCase("https");
  }

  /** The headers that need no request: for errors written outside Spring Security's filters. */
  static void writeStatic(HttpServletResponse response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", API_CSP);
    response.setHeader("Referrer-Policy", REFERRER_POLICY);
    response.setHeader("Cache-Control", "no-store");
  }
}
