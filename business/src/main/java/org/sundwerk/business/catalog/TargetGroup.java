package org.sundwerk.business.catalog;

/** Whom a service is for: the same groups as the portal's front doors. */
public enum TargetGroup {
  RESIDENTS,
  TOURISTS,
  SENIORS,
  FAMILIES,
  BUSINESSES
}
