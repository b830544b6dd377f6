package org.sundwerk.business.offer;

/** Where an order stands. */
public enum OrderStatus {
  /** Running; a subscription renews at the end of each period. */
  ACTIVE,
  /** Cancelled, running until the cancellation takes effect. */
  CANCELLED_PENDING,
  /** Over; its data product key is revoked. */
  ENDED
}
