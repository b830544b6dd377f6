package org.sundwerk.portal.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a search result is; the results page groups by kind in this order. */
public enum SearchKind {
  /** A place or sensor of the map, linked to its detail page {@code /orte/{id}}. */
  PLACE,
  /** A service of the city or a provider (report a defect, apply for something). */
  SERVICE,
  /** A page of the portal. */
  PAGE;

  /** The kind's name in the database, CSS classes and message keys, e.g. {@code place}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<SearchKind> ofKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
  }
}
