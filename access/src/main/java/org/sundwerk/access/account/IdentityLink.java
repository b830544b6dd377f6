package org.sundwerk.access.account;

import java.util.Optional;
import org.sundwerk.access.AccountId;

/** What {@link Identities#link} found or did for an OIDC identity. */
public sealed interface IdentityLink {

  /** The account the identity belongs to now; empty for {@link Unlinked}. */
  Optional<AccountId> account();

  /** The identity was linked before. */
  record Known(AccountId id) implements IdentityLink {
    @Override
    public Optional<AccountId> account() {
      return Optional.of(id);
    }
  }

  /** First use: linked to the resident account that holds the verified e-mail address. */
  record LinkedByEmail(AccountId id) implements IdentityLink {
    @Override
    public Optional<AccountId> account() {
      return Optional.of(id);
    }
  }

  /** First use: a new resident account without a password was created for the address. */
  record Created(AccountId id) implements IdentityLink {
    @Override
    public Optional<AccountId> account() {
      return Optional.of(id);
    }
  }

  /**
   * First use, and nothing to link to: the provider verified no e-mail address, or the address
   * belongs to an account with operator roles, which is never linked by address alone (see {@link
   * Identities}).
   */
  record Unlinked(String reason) implements IdentityLink {
    @Override
    public Optional<AccountId> account() {
      return Optional.empty();
    }
  }
}
