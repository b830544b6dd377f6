package org.sundwerk.business.catalog;

/**
 * A life situation (Lebenslage) in which people look for a service, after the life situations of
 * German online administration portals, cut to what a city's smart services touch. The labels are
 * the catalog's own; the portal shows them from its message bundles by {@link #name()}.
 */
public enum LifeSituation {
  /** Getting around: bus, bike, car, parking. */
  MOBILITY_AND_TRAVEL,
  /** Moving to the city, housing, the household. */
  HOUSING_AND_MOVING,
  /** Visiting the city, leisure, culture, events. */
  LEISURE_AND_VISIT,
  /** Health, the environment one breathes and swims in. */
  HEALTH_AND_ENVIRONMENT,
  /** Growing older, care, help in the neighbourhood. */
  AGE_AND_CARE,
  /** Children and family life. */
  FAMILY_AND_CHILDREN,
  /** Running a business, founding one, using the city's data. */
  BUSINESS_AND_WORK,
  /** Dealing with the city office: applications, reports, appointments. */
  CITIZEN_SERVICES
}
