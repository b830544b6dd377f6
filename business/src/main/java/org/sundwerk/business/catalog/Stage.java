package org.sundwerk.business.catalog;

/**
 * Where a service is in its lifecycle. Stages move forward only ({@code IDEA → PILOT → LIVE →
 * RETIRED}, skipping allowed); {@link #RETIRED} is final.
 */
public enum Stage {
  IDEA,
  PILOT,
  LIVE,
  RETIRED;

  /** Whether a service in this stage may move to {@code next}. */
  public boolean mayMoveTo(Stage next) {
    return next.ordinal() > ordinal();
  }
}
