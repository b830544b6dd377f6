package org.sundwerk.access;

/** What a member may do for their partner organisation. */
public enum PartnerRole {
  /** Manages the partner's members and keys, and writes its data. */
  OWNER,
  /** Writes the partner's data. */
  EDITOR,
  /** Reads what the partner may read. */
  VIEWER;

  public boolean writes() {
    return this != VIEWER;
  }
}
