package org.sundwerk.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.Decision;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.broker.subscription.SubscriptionOwner;

/**
 * What every portal handler calls before it works: asks {@link PortalGate} (i.e. {@code
 * AccessPolicy}) for the page or the account, and throws {@link PortalDenied} when refused.
 */
@Component
public final class PortalAccess {

  private final PortalGate gate;

  PortalAccess(PortalGate gate) {
    this.gate = gate;
  }

  /** A public portal page or form (map, login, registration): anyone but an API key. */
  public void page(HttpServletRequest http) {
    require(http, Operation.READ, Resource.PORTAL);
  }

  /** One's own account: the signed-in account, or {@link PortalDenied}. */
  public AccountId account(HttpServletRequest http, Operation operation) {
    require(http, operation, Resource.ACCOUNT);
    return accountOf(gate.actor(http))
        .orElseThrow(() -> new PortalDenied(false, "this actor has no account"));
  }

  /** The signed-in account, if any, without asking for a page (the layout's navigation). */
  public Optional<AccountId> signedIn(HttpServletRequest http) {
    return accountOf(gate.actor(http));
  }

  /** Who the request's actor is, for the audit log (never a secret). */
  public String principal(HttpServletRequest http) {
    return gate.actor(http).principal();
  }

  public String clientAddress(HttpServletRequest http) {
    return gate.clientAddress(http);
  }

  private void require(HttpServletRequest http, Operation operation, Resource resource) {
    if (gate.decide(http, operation, resource) instanceof Decision.Deny deny) {
      throw new PortalDenied(deny.denial() == Decision.Denial.UNAUTHENTICATED, deny.reason());
    }
  }

  /** Keys have no account page: a key is never "signed in", whoever owns it. */
  private static Optional<AccountId> accountOf(Actor actor) {
    return switch (actor) {
      case Actor.Resident resident -> Optional.of(resident.account());
      case Actor.PartnerMember member -> Optional.of(member.account());
      case Actor.TenantOperator operator -> Optional.of(operator.account());
      case Actor.PlatformOperator platform -> platform.account();
      case Actor.ApiKey key -> Optional.empty();
      case Actor.Anonymous anonymous -> Optional.empty();
    };
  }

  // ---- alerts ----

  /**
   * The owner of a new follow of entities of {@code types} in {@code tenant}, after {@link
   * PortalGate#decideFollow} allowed it; else {@link PortalDenied} (sign in, or 403).
   */
  public SubscriptionOwner follower(HttpServletRequest http, TenantId tenant, Set<String> types) {
    if (gate.decideFollow(http, tenant, types) instanceof Decision.Deny deny) {
      throw new PortalDenied(deny.denial() == Decision.Denial.UNAUTHENTICATED, deny.reason());
    }
    return gate.follower(http, tenant)
        .orElseThrow(() -> new PortalDenied(false, "this actor cannot own a follow"));
  }

  /** The party whose follows the signed-in account manages, after its account page is allowed. */
  public String followerParty(HttpServletRequest http, Operation operation) {
    account(http, operation);
    return gate.followerParty(http)
        .orElseThrow(() -> new PortalDenied(false, "this actor has no follows"));
  }

  /**
   * Whether the request's actor may edit the portal's pages of {@code tenant} (an operator of the
   * tenant or of the platform, as the policy says); never throws.
   */
  public boolean operates(HttpServletRequest http, TenantId tenant) {
    return gate.decideIn(http, tenant, Operation.ADMIN, Resource.PORTAL) instanceof Decision.Allow;
  }

  /**
   * Requires {@link #operates}: else {@link PortalDenied} (a visitor who is not signed in is sent
   * to the login page, anyone else gets a 403 page). Returns the actor's principal for the record.
   */
  public String operator(HttpServletRequest http, TenantId tenant) {
    if (gate.decideIn(http, tenant, Operation.ADMIN, Resource.PORTAL)
        instanceof Decision.Deny deny) {
      throw new PortalDenied(deny.denial() == Decision.Denial.UNAUTHENTICATED, deny.reason());
    }
    return gate.actor(http).principal();
  }

  // ---- partners (business layer) ----

  /**
   * The signed-in person's membership of a partner in {@code tenant} (never a key's); empty for
   * anyone else, and for an account that belongs to several partners there.
   */
  public Optional<Actor.PartnerMember> membership(HttpServletRequest http, TenantId tenant) {
    return gate.actorIn(http, tenant) instanceof Actor.PartnerMember member
        ? Optional.of(member)
        : Optional.empty();
  }

  /** Whether the request's actor operates the services layer of {@code tenant}; never throws. */
  public boolean operatesServices(HttpServletRequest http, TenantId tenant) {
    return gate.decideOn(http, AccessRequest.of(tenant, Operation.ADMIN, Resource.SERVICES))
        .allowed();
  }

  /**
   * Requires an operator of {@code tenant}'s services layer (reviews, suspensions), else {@link
   * PortalDenied}; returns its principal for the history.
   */
  public String servicesOperator(HttpServletRequest http, TenantId tenant) {
    require(http, AccessRequest.of(tenant, Operation.ADMIN, Resource.SERVICES));
    return gate.actorIn(http, tenant).principal();
  }

  /** Requires a signed-in account that may apply to become a partner; returns the account. */
  public AccountId applicant(HttpServletRequest http, TenantId tenant) {
    require(http, AccessRequest.of(tenant, Operation.WRITE, Resource.SERVICES));
    return accountOf(gate.actorIn(http, tenant))
        .orElseThrow(() -> new PortalDenied(false, "applying needs an account"));
  }

  /**
   * Requires a signed-in member of a partner in {@code tenant} allowed to {@code operation} its
   * records; returns the membership.
   */
  public Actor.PartnerMember member(HttpServletRequest http, TenantId tenant, Operation operation) {
    Actor.PartnerMember member =
        membership(http, tenant)
            .orElseThrow(
                () ->
                    new PortalDenied(
                        gate.actorIn(http, tenant) instanceof Actor.Anonymous,
                        "the workplace is for members of a partner"));
    require(http, AccessRequest.ofPartner(tenant, operation, member.partner()));
    return member;
  }

  /** Requires an owner of {@code partner}; returns the owner's account. */
  public AccountId owner(HttpServletRequest http, TenantId tenant, PartnerId partner) {
    if (gate.decideOwner(http, tenant, partner) instanceof Decision.Deny deny) {
      throw new PortalDenied(deny.denial() == Decision.Denial.UNAUTHENTICATED, deny.reason());
    }
    return accountOf(gate.actorIn(http, tenant)).orElseThrow();
  }

  /** The principal of the request's actor in {@code tenant}, for the partner history. */
  public String principalIn(HttpServletRequest http, TenantId tenant) {
    return gate.actorIn(http, tenant).principal();
  }

  /**
   * Allows {@code access} (in its own tenant, e.g. a partner's business records) or throws {@link
   * PortalDenied}.
   */
  public void require(HttpServletRequest http, AccessRequest access) {
    if (gate.decideOn(http, access) instanceof Decision.Deny deny) {
      throw new PortalDenied(deny.denial() == Decision.Denial.UNAUTHENTICATED, deny.reason());
    }
  }

  /** The partner the request's actor is a member of in {@code tenant}, if it is one. */
  public Optional<PartnerId> partnerIn(HttpServletRequest http, TenantId tenant) {
    return membership(http, tenant).map(Actor.PartnerMember::partner);
  }
}
