package org.sundwerk.access;

import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a request, resolved from its credentials for the request's tenant (an account's roles
 * differ per tenant, see {@code Account.actorIn}). {@link AccessPolicy} decides on nothing else.
 */
public sealed interface Actor {

  /** Names the actor in the audit log and in logs; never contains a secret. */
  String principal();

  /** No credentials. {@code client} is the remote address the rate limiter counts. */
  record Anonymous(String client) implements Actor {
    public Anonymous {
      Objects.requireNonNull(client, "client");
    }

    @Override
    public String principal() {
      return "anonymous";
    }
  }

  /** A signed-in account with a verified e-mail address and no role in the request's tenant. */
  record Resident(AccountId account) implements Actor {
    @Override
    public String principal() {
      return "account:" + account.value();
    }
  }

  /** A signed-in member of one partner organisation of {@code tenant}. */
  record PartnerMember(AccountId account, TenantId tenant, PartnerId partner, PartnerRole role)
      implements Actor {
    @Override
    public String principal() {
      return "account:" + account.value();
    }
  }

  /** A signed-in operator of one tenant (the city's platform team). */
  record TenantOperator(AccountId account, TenantId tenant) implements Actor {
    @Override
    public String principal() {
      return "account:" + account.value();
    }
  }

  /**
   * An operator of every tenant and of the platform itself; without an account when it is the
   * bootstrap key {@code SUNDWERK_ADMIN_API_KEY}.
   */
  record PlatformOperator(Optional<AccountId> account) implements Actor {
    @Override
    public String principal() {
      return account.map(id -> "account:" + id.value()).orElse("platform");
    }
  }

  /** An API key: its owner's rights, narrowed by the key's scope. */
  record ApiKey(ApiKeyId key, Actor owner, KeyScope scope) implements Actor {
    public ApiKey {
      if (owner instanceof ApiKey || owner instanceof Anonymous) {
        throw new IllegalArgumentException("an API key belongs to an account or the platform");
      }
    }

    @Override
    public String principal() {
      return "key:" + key.value() + " of " + owner.principal();
    }
  }
}
