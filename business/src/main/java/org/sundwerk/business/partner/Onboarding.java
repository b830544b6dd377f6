package org.sundwerk.business.partner;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Account;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Role;
import org.sundwerk.business.BusinessProblem;

/**
 * The rules that join a partner's record to the roles of its members, which the access layer keeps:
 * approving makes the applicant the partner's owner, leaving takes every member's role, and owners
 * add and remove members. Who may call what is decided before (the access policy); this class only
 * knows what the state allows.
 *
 * <p>Partner records and roles live in different tables written in separate transactions: the
 * status step commits first, then the roles change. Granting and revoking are idempotent, so a
 * failure between the two is repaired by adding the member again.
 */
public final class Onboarding {

  private final Partners partners;
  private final Accounts accounts;

  public Onboarding(Partners partners, Accounts accounts) {
    this.partners = Objects.requireNonNull(partners, "partners");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
  }

  /** Approves the application and makes its applicant the partner's owner. */
  public Partner approve(TenantId tenant, PartnerId id, String actor, Optional<String> reason) {
    Partner approved = partners.step(tenant, id, PartnerStep.APPROVE, actor, reason);
    accounts.grant(approved.applicant(), new Role.Member(tenant, id, PartnerRole.OWNER));
    return approved;
  }

  /** The partner leaves: its history stays, every member loses the role. */
  public Partner leave(TenantId tenant, PartnerId id, String actor, Optional<String> reason) {
    Partner left = partners.step(tenant, id, PartnerStep.LEAVE, actor, reason);
    for (Member member : members(tenant, id)) {
      accounts.revoke(member.account(), new Role.Member(tenant, id, member.role()));
    }
    return left;
  }

  /** The partner's members by e-mail address. */
  public List<Member> members(TenantId tenant, PartnerId id) {
    partners.get(tenant, id);
    return accounts.members(tenant, id).stream()
        .map(account -> member(account, tenant, id))
        .toList();
  }

  /**
   * Gives the account with {@code email} (existing and verified) {@code role} in the partner, or a
   * new role when it is a member already. Only partners that are approved, active or suspended have
   * members.
   */
  public Member add(TenantId tenant, PartnerId id, String email, PartnerRole role) {
    Partner partner = partners.get(tenant, id);
    if (partner.status() != PartnerStatus.APPROVED
        && partner.status() != PartnerStatus.ACTIVE
        && partner.status() != PartnerStatus.SUSPENDED) {
      throw BusinessProblem.conflict("a partner in status " + partner.status() + " has no members");
    }
    Account account =
        findVerified(email)
            .orElseThrow(
                () -> BusinessProblem.invalid("no account with a verified address " + email));
    Optional<Member> before =
        members(tenant, id).stream().filter(m -> m.account().equals(account.id())).findFirst();
    if (before.isPresent()
        && before.get().role() == PartnerRole.OWNER
        && role != PartnerRole.OWNER) {
      requireAnotherOwner(tenant, id, account.id());
    }
    accounts.grant(account.id(), new Role.Member(tenant, id, role));
    return new Member(account.id(), account.email(), account.displayName(), role);
  }

  /** Takes the member's role; the last owner cannot be removed (the partner leaves instead). */
  public void remove(TenantId tenant, PartnerId id, AccountId account) {
    Member member =
        members(tenant, id).stream()
            .filter(m -> m.account().equals(account))
            .findFirst()
            .orElseThrow(() -> BusinessProblem.notFound("no such member of " + id.value()));
    if (member.role() == PartnerRole.OWNER) {
      requireAnotherOwner(tenant, id, account);
    }
    accounts.revoke(account, new Role.Member(tenant, id, member.role()));
  }

  private void requireAnotherOwner(TenantId tenant, PartnerId id, AccountId leaving) {
    boolean another =
        members(tenant, id).stream()
            .anyMatch(m -> m.role() == PartnerRole.OWNER && !m.account().equals(leaving));
    if (!another) {
      throw BusinessProblem.conflict("a partner keeps at least one owner; leave instead");
    }
  }

  private Optional<Account> findVerified(String email) {
    try {
      return accounts.findByEmail(email).filter(a -> a.emailVerifiedAt().isPresent());
    } catch (IllegalArgumentException notAnAddress) {
      throw BusinessProblem.invalid("not an e-mail address: " + email);
    }
  }

  private static Member member(Account account, TenantId tenant, PartnerId id) {
    PartnerRole role =
        account.roles().stream()
            .filter(Role.Member.class::isInstance)
            .map(Role.Member.class::cast)
            .filter(m -> m.tenant().equals(tenant) && m.partner().equals(id))
            .map(Role.Member::role)
            .findFirst()
            .orElseThrow();
    return new Member(account.id(), account.email(), account.displayName(), role);
  }
}
