package org.sundwerk.app.business;

import java.util.Optional;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.PartnerId;

/** Who orders: the account behind an actor, and the partner it acts for. */
final class OfferActors {

  private OfferActors() {}

  /** The account behind {@code actor}; empty for anonymous callers and the bootstrap key. */
  static Optional<AccountId> account(Actor actor) {
    return switch (actor) {
      case Actor.Resident resident -> Optional.of(resident.account());
      case Actor.PartnerMember member -> Optional.of(member.account());
      case Actor.TenantOperator operator -> Optional.of(operator.account());
      case Actor.PlatformOperator platform -> platform.account();
      case Actor.ApiKey key -> account(key.owner());
      case Actor.Anonymous anonymous -> Optional.empty();
    };
  }

  /** The partner a member (or a member's key) acts for. */
  static Optional<PartnerId> actingFor(Actor actor) {
    return switch (actor) {
      case Actor.PartnerMember member -> Optional.of(member.partner());
      case Actor.ApiKey key -> actingFor(key.owner());
      default -> Optional.empty();
    };
  }
}
