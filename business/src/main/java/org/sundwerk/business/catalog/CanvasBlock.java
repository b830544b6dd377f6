package org.sundwerk.business.catalog;

/**
 * The nine blocks of Osterwalder's business model canvas. The customer segments are the service's
 * target groups from the catalog; the block's text only adds to them.
 */
public enum CanvasBlock {
  KEY_PARTNERS,
  KEY_ACTIVITIES,
  KEY_RESOURCES,
  VALUE_PROPOSITION,
  CUSTOMER_RELATIONSHIPS,
  CHANNELS,
  CUSTOMER_SEGMENTS,
  COST_STRUCTURE,
  REVENUE_STREAMS
}
