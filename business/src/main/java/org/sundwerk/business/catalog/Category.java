package org.sundwerk.business.catalog;

/** The field a service belongs to; one per service. */
public enum Category {
  MOBILITY,
  PARKING,
  ENVIRONMENT,
  ENERGY,
  WASTE,
  TOURISM,
  CULTURE,
  SOCIAL,
  ADMINISTRATION,
  DATA
}
