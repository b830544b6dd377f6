package org.sundwerk.business.catalog;

/** Where people reach a service. */
public enum Channel {
  WEB,
  APP,
  KIOSK,
  API,
  ON_SITE
}
