package org.sundwerk.business.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a service's lifecycle: from which stage (none when it was created) to which, when,
 * who decided (an account id or key id, as the app names the actor) and why.
 */
public record StageChange(
    Optional<Stage> from, Stage to, Instant at, String decidedBy, String reason) {

  public StageChange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(reason, "reason");
  }
}
