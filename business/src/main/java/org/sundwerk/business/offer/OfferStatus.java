package org.sundwerk.business.offer;

/** Where an offer stands: only published offers are listed publicly and can be ordered. */
public enum OfferStatus {
  /** Being written by its provider; only the provider's members and operators see it. */
  DRAFT,
  /** Listed in the catalog and open for orders. */
  PUBLISHED,
  /** No longer open for orders; running orders keep what they bought. */
  WITHDRAWN
}
