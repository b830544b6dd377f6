package org.sundwerk.business.partner;

/** What kind of organisation a partner is; decides whether it needs a Leitweg-ID. */
public enum PartnerKind {
  /** An office of the city administration: a public body, invoiced by XRechnung (Leitweg-ID). */
  CITY_OFFICE,
  /** A company the municipality owns; may be a public contracting body with a Leitweg-ID. */
  MUNICIPAL_COMPANY,
  BUSINESS,
  ASSOCIATION,
  SCIENCE,
  CITIZEN_INITIATIVE;

  /** True when invoices to this kind must carry a Leitweg-ID. */
  public boolean needsLeitwegId() {
    return this == CITY_OFFICE;
  }

  /** True when this kind may be a public body and so may have a Leitweg-ID. */
  public boolean mayHaveLeitwegId() {
    return this == CITY_OFFICE || this == MUNICIPAL_COMPANY;
  }
}
