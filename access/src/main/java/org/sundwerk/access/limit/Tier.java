package org.sundwerk.access.limit;

import org.sundwerk.access.Actor;

/** The rate-limit class of an actor; a key is limited as its owner's tier. */
public enum Tier {
  ANONYMOUS,
  RESIDENT,
  PARTNER,
  OPERATOR,
  PLATFORM;

  public static Tier of(Actor actor) {
    return switch (actor) {
      case Actor.Anonymous anonymous -> ANONYMOUS;
      case Actor.Resident resident -> RESIDENT;
      case Actor.PartnerMember member -> PARTNER;
      case Actor.TenantOperator operator -> OPERATOR;
      case Actor.PlatformOperator platform -> PLATFORM;
      case Actor.ApiKey key -> of(key.owner());
    };
  }
}
