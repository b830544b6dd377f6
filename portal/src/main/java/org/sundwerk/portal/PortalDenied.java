package org.sundwerk.portal;

/**
 * Thrown by {@link PortalAccess} when the policy refuses a page: a visitor who is not signed in is
 * sent to the login page, anyone else gets a 403 page (see {@link Pages}).
 */
final class PortalDenied extends RuntimeException {

  private final boolean signInRequired;

  PortalDenied(boolean signInRequired, String reason) {
    super(reason, null, false, false);
    this.signInRequired = signInRequired;
  }

  boolean signInRequired() {
    return signInRequired;
  }
}
