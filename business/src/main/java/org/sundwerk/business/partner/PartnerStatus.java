package org.sundwerk.business.partner;

/** Where a partner stands in its onboarding; see {@link PartnerStep} for the ways between. */
public enum PartnerStatus {
  /** Applied; an operator has not decided yet. */
  APPLIED,
  /** An operator approved; the owner has not accepted the current partner terms yet. */
  APPROVED,
  /** An operator refused the application; final. */
  REJECTED,
  /** Accepted the terms: offers services and data. */
  ACTIVE,
  /** Stopped by an operator for a reason; may be reinstated. */
  SUSPENDED,
  /** The partner left; its history stays. Final. */
  LEFT
}
