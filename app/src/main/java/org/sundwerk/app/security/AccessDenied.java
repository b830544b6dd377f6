package org.sundwerk.app.security;

import org.sundwerk.access.Decision;

/**
 * Thrown by {@link AccessGate} when the policy denies a request; answered 401 (with a {@code
 * WWW-Authenticate} challenge) or 403 as a ProblemDetails by {@link AccessDeniedAdvice}.
 */
public final class AccessDenied extends RuntimeException {

  private final Decision.Deny deny;

  AccessDenied(Decision.Deny deny) {
    super(deny.reason(), null, false, false);
    this.deny = deny;
  }

  public boolean unauthenticated() {
    return deny.denial() == Decision.Denial.UNAUTHENTICATED;
  }

  public int status() {
    return unauthenticated() ? 401 : 403;
  }

  public String title() {
    return unauthenticated() ? "Unauthorized" : "Forbidden";
  }

  /** The challenge a 401 carries: keys and OIDC access tokens both go in a Bearer header. */
  public static final String CHALLENGE = "Bearer realm=\"sundwerk\"";
}
