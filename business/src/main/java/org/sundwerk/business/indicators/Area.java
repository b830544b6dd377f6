package org.sundwerk.business.indicators;

/** The ten areas Haselhorst Associates' Smart City ranking scores German cities in. */
public enum Area {
  STRATEGY,
  DIGITAL_INFRASTRUCTURE,
  MOBILITY,
  ENERGY_ENVIRONMENT,
  BUILDINGS_QUARTERS,
  HEALTH,
  EDUCATION,
  ADMINISTRATION,
  TOURISM,
  ECONOMY_TRADE
}
