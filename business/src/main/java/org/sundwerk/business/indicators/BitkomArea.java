package org.sundwerk.business.indicators;

/** The five areas of Bitkom's Smart City Index (cities above 100,000 inhabitants only). */
public enum BitkomArea {
  ADMINISTRATION,
  IT_COMMUNICATION,
  ENERGY_ENVIRONMENT,
  MOBILITY,
  SOCIETY
}
