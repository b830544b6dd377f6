package org.sundwerk.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.sundwerk.access.AccessPolicy;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.AttributeView;
import org.sundwerk.access.Decision;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;

/**
 * The one place where requests are let through or stopped: every controller, webhook and portal
 * page asks it once it knows what the request touches, and it asks {@link AccessPolicy}, which
 * alone decides. The actor comes from {@link ActorFilter}, which ran before; for a tenant other
 * than the one the filter resolved (a tenant in the path), it is resolved again. Thread-safe.
 */
public final class AccessGate {

  /** The request attribute under which {@link ActorFilter} leaves the resolved actor. */
  static final String RESOLVED = AccessGate.class.getName() + ".resolved";

  /** What the filter resolved, for which tenant. */
  record Resolved(TenantId tenant, Actor actor) {}

  private final AccessPolicy policy;
  private final ActorResolver resolver;

  AccessGate(AccessPolicy policy, ActorResolver resolver) {
    this.policy = policy;
    this.resolver = resolver;
  }

  /** The request's actor in {@code tenant}. */
  public Actor actor(HttpServletRequest http, TenantId tenant) {
    if (http.getAttribute(RESOLVED) instanceof Resolved resolved
        && resolved.tenant().equals(tenant)) {
      return resolved.actor();
    }
    return switch (resolver.resolve(http, tenant)) {
      case ActorResolver.Result.Resolved resolved -> {
        http.setAttribute(RESOLVED, new Resolved(tenant, resolved.actor()));
        yield resolved.actor();
      }
      case ActorResolver.Result.Refused refused ->
          throw new AccessDenied(
              new Decision.Deny(refused.reason(), Decision.Denial.UNAUTHENTICATED));
    };
  }

  /** Allows {@code request} and returns what the actor may see, or throws {@link AccessDenied}. */
  public AttributeView require(HttpServletRequest http, AccessRequest request) {
    return allowOrThrow(policy.decide(actor(http, request.tenant()), request));
  }

  /**
   * As {@link #require(HttpServletRequest, AccessRequest)} for a request whose entity types cost a
   * read to learn (a PATCH or DELETE by id names no type): {@code types} is asked only when the
   * answer can depend on them. Types only ever narrow an allowance, except for a partner's write,
   * which needs them to be allowed at all; so an operator's write costs no extra read, and an
   * anonymous write is refused before anyone learns whether the entity exists.
   */
  public AttributeView require(
      HttpServletRequest http,
      TenantId tenant,
      Operation operation,
      Resource resource,
      Supplier<Set<String>> types) {
    return allowOrThrow(decide(actor(http, tenant), tenant, operation, resource, types));
  }

  /** The decision alone, for callers that are not HTTP requests (notifications, MQTT). */
  public Decision decide(Actor actor, AccessRequest request) {
    return policy.decide(actor, request);
  }

  /**
   * As {@link #decide(Actor, AccessRequest)}, the entity types asked of {@code types} only when the
   * answer can depend on them (see {@link #require(HttpServletRequest, TenantId, Operation,
   * Resource, Supplier)}).
   */
  public Decision decide(
      Actor actor,
      TenantId tenant,
      Operation operation,
      Resource resource,
      Supplier<Set<String>> types) {
    Decision untyped =
        policy.decide(actor, new AccessRequest(tenant, operation, resource, Set.of()));
    boolean typesMatter = untyped.allowed() ? dependsOnTypes(actor, tenant) : actsForPartner(actor);
    if (!typesMatter) {
      return untyped;
    }
    return policy.decide(actor, new AccessRequest(tenant, operation, resource, types.get()));
  }

  private static boolean actsForPartner(Actor actor) {
    return actor instanceof Actor.PartnerMember
        || (actor instanceof Actor.ApiKey key && key.owner() instanceof Actor.PartnerMember);
  }

  /** False only for operators of the tenant: they may touch every type of it. */
  private static boolean dependsOnTypes(Actor actor, TenantId tenant) {
    return switch (actor) {
      case Actor.ApiKey key ->
          !key.scope().entityTypes().isEmpty() || dependsOnTypes(key.owner(), tenant);
      case Actor.TenantOperator operator -> !operator.tenant().equals(tenant);
      case Actor.PlatformOperator platform -> false;
      case Actor.PartnerMember member -> true;
      case Actor.Resident resident -> true;
      case Actor.Anonymous anonymous -> true;
    };
  }

  private static AttributeView allowOrThrow(Decision decision) {
    return switch (decision) {
      case Decision.Allow allow -> allow.view();
      case Decision.Deny deny -> throw new AccessDenied(deny);
    };
  }

  // ---- partners (business layer) ----

  /**
   * As {@link #require(HttpServletRequest, AccessRequest)} for a write on the records of {@code
   * partner}, and the actor must be an owner of that partner (see {@link #decideOwner}). Returns
   * the owner's account.
   */
  public AccountId requireOwner(HttpServletRequest http, TenantId tenant, PartnerId partner) {
    Actor actor = actor(http, tenant);
    allowOrThrow(decideOwner(actor, tenant, partner));
    return ownerAccount(actor).orElseThrow();
  }

  /**
   * Whether {@code actor} may act as an owner of {@code partner} (signed in, or a key of an owner):
   * the policy's {@code ADMIN} on the partner's records. Accepting the partner terms, leaving and
   * managing members bind the organisation, which its editors and the operators do not.
   */
  public Decision decideOwner(Actor actor, TenantId tenant, PartnerId partner) {
    return decide(actor, AccessRequest.ofPartner(tenant, Operation.ADMIN, partner));
  }

  private static Optional<AccountId> ownerAccount(Actor actor) {
    Actor person = actor instanceof Actor.ApiKey key ? key.owner() : actor;
    return person instanceof Actor.PartnerMember member
        ? Optional.of(member.account())
        : Optional.empty();
  }
}
