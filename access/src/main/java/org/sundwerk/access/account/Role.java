package org.sundwerk.access.account;

import java.util.Objects;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;

/** A role an account holds; an account without roles is a resident once its e-mail is verified. */
public sealed interface Role {

  /** Operates every tenant and the platform. */
  record Platform() implements Role {}

  /** Operates one tenant. */
  record Operator(TenantId tenant) implements Role {
    public Operator {
      Objects.requireNonNull(tenant, "tenant");
    }
  }

  /** Member of one partner organisation of a tenant. */
  record Member(TenantId tenant, PartnerId partner, PartnerRole role) implements Role {
    public Member {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(partner, "partner");
      Objects.requireNonNull(role, "role");
    }
  }
}
