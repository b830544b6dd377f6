package org.sundwerk.access.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;

/** A local account as the portal shows it; the password hash never leaves {@link Accounts}. */
public record Account(
    AccountId id,
    String email,
    String displayName,
    Optional<Instant> emailVerifiedAt,
    Instant createdAt,
    Set<Role> roles) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(emailVerifiedAt, "emailVerifiedAt");
    roles = Set.copyOf(roles);
  }

  /**
   * The actor this account is in {@code tenant}: platform operator, else operator of the tenant,
   * else member of its one partner there (or of {@code actingFor} when it belongs to several), else
   * resident. Sessions exist only for verified accounts ({@link Accounts#login}).
   */
  public Actor actorIn(TenantId tenant, Optional<PartnerId> actingFor) {
    if (roles.contains(new Role.Platform())) {
      return new Actor.PlatformOperator(Optional.of(id));
    }
    if (roles.contains(new Role.Operator(tenant))) {
      return new Actor.TenantOperator(id, tenant);
    }
    List<Role.Member> memberships =
        roles.stream()
            .filter(Role.Member.class::isInstance)
            .map(Role.Member.class::cast)
            .filter(member -> member.tenant().equals(tenant))
            .filter(member -> actingFor.map(member.partner()::equals).orElse(true))
            .toList();
    if (memberships.size() == 1) {
      Role.Member member = memberships.getFirst();
      return new Actor.PartnerMember(id, tenant, member.partner(), member.role());
    }
    return new Actor.Resident(id);
  }
}
