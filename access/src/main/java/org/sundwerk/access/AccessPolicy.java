package org.sundwerk.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sundwerk.access.Decision.Allow;
import org.sundwerk.access.Decision.Denial;
import org.sundwerk.access.Decision.Deny;

/**
 * The one access decision of the platform: every entry (NGSI-LD API, ingestion, services APIs,
 * portal, actuator) asks {@link #decide} and nothing else decides. Pure: no I/O, no clock;
 * thread-safe.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>{@code /actuator/health} is public (read only); every other actuator endpoint shows all
 *       tenants and so needs the platform operator.
 *   <li>Anonymous clients only read: every write, subscription, ingestion and admin action needs a
 *       key or a login.
 *   <li>Admin actions, the audit log and others' accounts need an operator of the tenant (or the
 *       platform); an admin action on one partner's records (accept its terms, leave, manage its
 *       members) needs an owner of that partner.
 *   <li>Entities: a read needs clearance for every named type (see {@link Level}); anonymous reads
 *       only where the tenant allows it. A write needs an operator, or an owner or editor of the
 *       partner that provides every named type.
 *   <li>An API key may do what its owner may do, narrowed by its scope, and never reaches the
 *       portal or account pages (a stolen key cannot mint keys or change the password).
 * </ol>
 */
public final class AccessPolicy {

  private final Visibility visibility;

  public AccessPolicy(Visibility visibility) {
    this.visibility = Objects.requireNonNull(visibility, "visibility");
  }

  public Decision decide(Actor actor, AccessRequest request) {
    TenantVisibility tenant = visibility.of(request.tenant());
    return actor instanceof Actor.ApiKey key
        ? decideForKey(key, request, tenant)
        : decideForPerson(actor, request, tenant);
  }

  private Decision decideForKey(Actor.ApiKey key, AccessRequest request, TenantVisibility tenant) {
    KeyScope scope = key.scope();
    if (request.resource() == Resource.PORTAL || request.resource() == Resource.ACCOUNT) {
      return forbidden("API keys are for the APIs, not for portal or account pages");
    }
    if (!scope.coversTenant(request.tenant())) {
      return forbidden("the key is not scoped to tenant '" + request.tenant().name() + "'");
    }
    if (!scope.operations().contains(request.operation())) {
      return forbidden("the key is not scoped to " + request.operation());
    }
    Set<String> outOfScope = new TreeSet<>(request.entityTypes());
    outOfScope.removeIf(scope::coversType);
    if (!outOfScope.isEmpty()) {
      return forbidden("the key is not scoped to entity types " + outOfScope);
    }
    Decision owners = decideForPerson(key.owner(), request, tenant);
    if (!(owners instanceof Allow allow)) {
      return owners;
    }
    Optional<Set<String>> onlyTypes =
        scope.entityTypes().isEmpty() ? Optional.empty() : Optional.of(scope.entityTypes());
    return new Allow(
        allow.reason() + ", with a key scoped to it",
        new AttributeView(
            tenant, type -> clearance(key.owner(), request.tenant(), tenant, type), onlyTypes));
  }

  private Decision decideForPerson(Actor actor, AccessRequest request, TenantVisibility tenant) {
    AttributeView view =
        new AttributeView(
            tenant, type -> clearance(actor, request.tenant(), tenant, type), Optional.empty());
    Operation operation = request.operation();
    boolean anonymous = actor instanceof Actor.Anonymous;
    if (request.resource() == Resource.HEALTH) {
      return operation == Operation.READ
          ? new Allow("health is public", view)
          : deny(actor, "health is read only");
    }
    if (request.resource() == Resource.ACTUATOR) {
      return actor instanceof Actor.PlatformOperator
          ? new Allow("platform operator", view)
          : deny(actor, "the actuator shows every tenant: platform operators only");
    }
    if (anonymous && operation != Operation.READ) {
      return unauthenticated("every " + operation + " needs a key or a login");
    }
    if (operation == Operation.ADMIN
        && request.resource() == Resource.SERVICES
        && request.partner().isPresent()) {
      return partnerOwner(actor, request, request.partner().get(), view);
    }
    if (operation == Operation.ADMIN
        || request.resource() == Resource.AUDIT
        || request.resource() == Resource.ACCOUNTS) {
      return operates(actor, request.tenant())
          ? new Allow("operator of the tenant", view)
          : deny(
              actor, operation + " on " + request.resource() + " needs an operator of the tenant");
    }
    return switch (request.resource()) {
      case ENTITIES -> entities(actor, request, tenant, view);
      case INGESTION -> write(actor, request, tenant, view);
      case CONTEXTS ->
          operation == Operation.READ
              ? new Allow("public", view)
              : write(actor, request, tenant, view);
      case SERVICES -> services(actor, request, view);
      case PORTAL ->
          operation == Operation.READ || !anonymous
              ? new Allow(anonymous ? "public" : "signed in", view)
              : unauthenticated("sign in");
      case ACCOUNT -> anonymous ? unauthenticated("sign in") : new Allow("own account", view);
      case HEALTH, ACTUATOR, AUDIT, ACCOUNTS -> throw new IllegalStateException("decided above");
    };
  }

  private Decision entities(
      Actor actor, AccessRequest request, TenantVisibility tenant, AttributeView view) {
    switch (request.operation()) {
      case READ, SUBSCRIBE -> {
        if (actor instanceof Actor.Anonymous && !tenant.anonymousRead()) {
          return unauthenticated(
              "tenant '" + request.tenant().name() + "' is not open to anonymous readers");
        }
        Set<String> hidden = new TreeSet<>(request.entityTypes());
        hidden.removeIf(view::mayRead);
        return hidden.isEmpty()
            ? new Allow("may read the named types", view)
            : deny(actor, "may not read entity types " + hidden);
      }
      default -> {
        return write(actor, request, tenant, view);
      }
    }
  }

  /**
   * The services layer: without a partner named, reads are public and any signed-in actor may write
   * (apply to become a partner, order, take part); a partner's own records need a member of that
   * partner (writers for writes) or an operator. Admin actions were decided above.
   */
  private Decision services(Actor actor, AccessRequest request, AttributeView view) {
    Optional<PartnerId> partner = request.partner();
    if (partner.isEmpty()) {
      return new Allow(request.operation() == Operation.READ ? "public" : "signed in", view);
    }
    if (operates(actor, request.tenant())) {
      return new Allow("operator of the tenant", view);
    }
    if (!(actor instanceof Actor.PartnerMember member)
        || !member.tenant().equals(request.tenant())
        || !member.partner().equals(partner.get())) {
      return deny(actor, "only members of partner " + partner.get().value() + " or operators");
    }
    if (request.operation() != Operation.READ && !member.role().writes()) {
      return deny(actor, "a partner's viewers do not " + request.operation());
    }
    return new Allow("member of the partner", view);
  }

  /**
   * Acts that bind a partner organisation (accept its terms, leave, manage its members): its owners
   * only. Operators review and suspend partners (admin actions without a partner named), but do not
   * sign for them; editors and viewers do not either.
   */
  private Decision partnerOwner(
      Actor actor, AccessRequest request, PartnerId partner, AttributeView view) {
    return actor instanceof Actor.PartnerMember member
            && member.tenant().equals(request.tenant())
            && member.partner().equals(partner)
            && member.role() == PartnerRole.OWNER
        ? new Allow("owner of the partner", view)
        : deny(actor, "only owners of partner " + partner.value() + " do this");
  }

  /** Writes, ingestion: operators, or writers of the partner that provides every named type. */
  private Decision write(
      Actor actor, AccessRequest request, TenantVisibility tenant, AttributeView view) {
    if (operates(actor, request.tenant())) {
      return new Allow("operator of the tenant", view);
    }
    if (!(actor instanceof Actor.PartnerMember member)
        || !member.tenant().equals(request.tenant())) {
      return deny(actor, request.operation() + " needs an operator or a partner of the tenant");
    }
    if (!member.role().writes()) {
      return deny(actor, "a partner's viewers do not " + request.operation());
    }
    if (request.resource() == Resource.CONTEXTS) {
      return new Allow("writer of a partner", view);
    }
    if (request.entityTypes().isEmpty()) {
      return deny(actor, "a partner's " + request.operation() + " must name its entity types");
    }
    Set<String> foreign = new TreeSet<>(request.entityTypes());
    foreign.removeIf(type -> tenant.type(type).provider().equals(Optional.of(member.partner())));
    return foreign.isEmpty()
        ? new Allow("writer of the partner that provides the types", view)
        : deny(actor, "partner " + member.partner().value() + " does not provide " + foreign);
  }

  private static boolean operates(Actor actor, TenantId tenant) {
    return switch (actor) {
      case Actor.PlatformOperator platform -> true;
      case Actor.TenantOperator operator -> operator.tenant().equals(tenant);
      default -> false;
    };
  }

  /** The level up to which {@code actor} sees entities of {@code type}; empty: not at all. */
  private static Optional<Level> clearance(
      Actor actor, TenantId tenantId, TenantVisibility tenant, TypeVisibility type) {
    return switch (actor) {
      case Actor.Anonymous anonymous ->
          tenant.anonymousRead() ? Optional.of(Level.PUBLIC) : Optional.empty();
      case Actor.Resident resident -> Optional.of(Level.PUBLIC);
      case Actor.PartnerMember member -> {
        if (!member.tenant().equals(tenantId)) {
          yield Optional.of(Level.PUBLIC);
        }
        yield Optional.of(
            type.provider().equals(Optional.of(member.partner())) ? Level.PRIVATE : Level.PARTNER);
      }
      case Actor.TenantOperator operator ->
          Optional.of(operator.tenant().equals(tenantId) ? Level.PRIVATE : Level.PUBLIC);
      case Actor.PlatformOperator platform -> Optional.of(Level.PRIVATE);
      case Actor.ApiKey key -> clearance(key.owner(), tenantId, tenant, type);
    };
  }

  private static Decision deny(Actor actor, String reason) {
    return actor instanceof Actor.Anonymous ? unauthenticated(reason) : forbidden(reason);
  }

  private static Decision unauthenticated(String reason) {
    return new Deny(reason, Denial.UNAUTHENTICATED);
  }

  private static Decision forbidden(String reason) {
    return new Deny(reason, Denial.FORBIDDEN);
  }
}
