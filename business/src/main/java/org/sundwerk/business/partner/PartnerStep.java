package org.sundwerk.business.partner;

import java.util.EnumSet;
import java.util.Set;

/**
 * The onboarding state machine: each step names the states it starts from and the one it leads to.
 * Any other step is refused as a conflict, so a history only ever holds these edges.
 */
public enum PartnerStep {
  /** An operator approves an application. */
  APPROVE(EnumSet.of(PartnerStatus.APPLIED), PartnerStatus.APPROVED),
  /** An operator refuses an application. */
  REJECT(EnumSet.of(PartnerStatus.APPLIED), PartnerStatus.REJECTED),
  /** The owner accepts the current partner terms. */
  ACCEPT_TERMS(EnumSet.of(PartnerStatus.APPROVED), PartnerStatus.ACTIVE),
  /** An operator suspends an active partner. */
  SUSPEND(EnumSet.of(PartnerStatus.ACTIVE), PartnerStatus.SUSPENDED),
  /** An operator lifts a suspension. */
  REINSTATE(EnumSet.of(PartnerStatus.SUSPENDED), PartnerStatus.ACTIVE),
  /** The partner's owner ends the partnership. */
  LEAVE(
      EnumSet.of(PartnerStatus.APPROVED, PartnerStatus.ACTIVE, PartnerStatus.SUSPENDED),
      PartnerStatus.LEFT);

  private final Set<PartnerStatus> from;
  private final PartnerStatus to;

  PartnerStep(Set<PartnerStatus> from, PartnerStatus to) {
    this.from = from;
    this.to = to;
  }

  public boolean startsFrom(PartnerStatus status) {
    return from.contains(status);
  }

  public PartnerStatus leadsTo() {
    return to;
  }
}
