package org.sundwerk.business.partner;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a partner's onboarding, kept for good: from which status (empty for the application
 * itself) to which, who took it ({@code Actor.principal()}, e.g. {@code account:<id>}), when, why,
 * and for an acceptance the version of the terms accepted.
 */
public record Transition(
    Optional<PartnerStatus> from,
    PartnerStatus to,
    String actor,
    Instant at,
    Optional<String> reason,
    Optional<Integer> termsVersion) {

  public Transition {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(termsVersion, "termsVersion");
  }
}
