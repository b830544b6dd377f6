package org.sundwerk.portal.door;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A target group with its front door at a plain German path, e.g. {@code /touristen}. */
enum Group {
  EINWOHNER,
  TOURISTEN,
  SENIOREN,
  FAMILIEN,
  UNTERNEHMEN;

  /** The path segment and message key part, e.g. {@code touristen}. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Group> ofKey(String key) {
    return Arrays.stream(values()).filter(g -> g.key().equals(key)).findFirst();
  }
}
