package org.sundwerk.portal.catalog;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Role;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalProperties;

/**
 * Who works in the catalog workplaces: the tenant ({@code ?tenant=}, else the tenant of the
 * signed-in account's partner, else the portal's default), the partner whose services a member
 * edits (the account's partner in that tenant, or {@code ?partner=} for operators), and whether an
 * operator may steer. Only the gate decides; a refusal is answered as every refused page (sign in,
 * or 403).
 */
@Component
final class Workplaces {

  private final PortalAccess access;
  private final Accounts accounts;
  private final PortalProperties portal;

  Workplaces(PortalAccess access, Accounts accounts, PortalProperties portal) {
    this.access = access;
    this.accounts = accounts;
    this.portal = portal;
  }

  TenantId tenant(HttpServletRequest http, Optional<String> tenant) {
    try {
      return TenantId.of(
          tenant
              .filter(t -> !t.isBlank())
              .or(() -> memberships(http).stream().map(m -> m.tenant().name()).findFirst())
              .orElse(portal.defaultTenant()));
    } catch (IllegalArgumentException e) {
      return TenantId.of(portal.defaultTenant());
    }
  }

  /** The partner whose services the request works on, allowed to {@code operation} them. */
  PartnerId partner(
      HttpServletRequest http, TenantId tenant, Optional<String> partner, Operation operation) {
    PartnerId chosen =
        partner
            .filter(p -> !p.isBlank())
            .map(PartnerId::new)
            .or(
                () ->
                    memberships(http).stream()
                        .filter(m -> m.tenant().equals(tenant))
                        .map(Role.Member::partner)
                        .findFirst())
            .orElse(new PartnerId("-"));
    require(http, AccessRequest.ofPartner(tenant, operation, chosen));
    return chosen;
  }

  /** Operators of the tenant only (approve, lifecycle, comparison). */
  void operator(HttpServletRequest http, TenantId tenant) {
    require(http, AccessRequest.of(tenant, Operation.ADMIN, Resource.SERVICES));
  }

  void require(HttpServletRequest http, AccessRequest request) {
    access.require(http, request);
  }

  private List<Role.Member> memberships(HttpServletRequest http) {
    return access.signedIn(http).flatMap(accounts::find).stream()
        .flatMap(account -> account.roles().stream())
        .filter(Role.Member.class::isInstance)
        .map(Role.Member.class::cast)
        .toList();
  }
}
