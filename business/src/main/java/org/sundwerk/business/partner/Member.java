package org.sundwerk.business.partner;

import java.util.Objects;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.PartnerRole;

/** An account that holds a role in a partner organisation, as its owners see it. */
public record Member(AccountId account, String email, String displayName, PartnerRole role) {

  public Member {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(role, "role");
  }
}
