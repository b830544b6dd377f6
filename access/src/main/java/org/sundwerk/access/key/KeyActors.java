package org.sundwerk.access.key;

import java.util.Objects;
import java.util.Optional;
import org.sundwerk.access.Actor;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;

/**
 * Turns a presented API key into the actor of a request in one tenant: the bootstrap key, or a
 * stored key whose owner's current roles (not those at issue time) bound it. A key of a deleted or
 * unverified account, or an unknown or revoked key, is no actor: the app answers 401.
 */
public final class KeyActors {

  private final ApiKeys keys;
  private final Accounts accounts;
  private final Optional<BootstrapKey> bootstrap;

  public KeyActors(ApiKeys keys, Accounts accounts, Optional<BootstrapKey> bootstrap) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
  }

  public Optional<Actor> actorFor(String presented, TenantId tenant) {
    Optional<Actor> platform = bootstrap.flatMap(key -> key.actorFor(presented));
    if (platform.isPresent()) {
      return platform;
    }
    return keys.authenticate(presented)
        .flatMap(
            grant ->
                accounts
                    .find(grant.owner())
                    .filter(account -> account.emailVerifiedAt().isPresent())
                    .map(
                        account ->
                            new Actor.ApiKey(
                                grant.id(),
                                account.actorIn(tenant, grant.actingFor()),
                                grant.scope())));
  }
}
