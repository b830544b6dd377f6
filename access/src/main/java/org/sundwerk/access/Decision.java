package org.sundwerk.access;

import java.util.Objects;

/** The answer of {@link AccessPolicy}: allow with what the actor may see, or deny with why. */
public sealed interface Decision {

  /** Why, in words for logs and error details; never contains a secret. */
  String reason();

  default boolean allowed() {
    return this instanceof Allow;
  }

  /** Go ahead; responses, notifications and exports show only what {@code view} lets through. */
  record Allow(String reason, AttributeView view) implements Decision {
    public Allow {
      Objects.requireNonNull(view, "view");
    }
  }

  /** Stop. {@code denial} says whether credentials would help (401) or not (403). */
  record Deny(String reason, Denial denial) implements Decision {}

  enum Denial {
    /** No credentials and they are needed: HTTP 401 with a {@code WWW-Authenticate} challenge. */
    UNAUTHENTICATED,
    /** The actor is known and may not do this: HTTP 403. */
    FORBIDDEN
  }
}
