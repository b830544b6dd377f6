package org.sundwerk.access;

/**
 * How widely an entity type or attribute is visible, from open to closed; an actor sees what lies
 * at or below its clearance.
 */
public enum Level {
  /** Everyone who may read the tenant: open data. */
  PUBLIC,
  /** Signed-in partner members of the tenant and its operators, not residents or anonymous. */
  PARTNER,
  /** The partner that provides the entity type and the tenant's operators. */
  PRIVATE;

  public boolean covers(Level other) {
    return compareTo(other) >= 0;
  }
}
