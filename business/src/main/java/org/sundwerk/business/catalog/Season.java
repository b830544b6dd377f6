package org.sundwerk.business.catalog;

/** When a service is offered. */
public enum Season {
  SUMMER,
  WINTER,
  ALL_YEAR
}
