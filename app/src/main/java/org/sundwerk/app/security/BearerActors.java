package org.sundwerk.app.security;

import java.util.Optional;
import org.sundwerk.access.Actor;
import org.sundwerk.access.TenantId;

/**
 * Turns an OIDC access token (a JWT in {@code Authorization: Bearer}) into the actor of the account
 * it belongs to. Empty: the token is not valid here (answered 401).
 */
public interface BearerActors {

  Optional<Actor> actorFor(String jwt, TenantId tenant);

  /** Used when no OIDC issuer is configured: every bearer token is refused. */
  BearerActors NONE = (jwt, tenant) -> Optional.empty();
}
