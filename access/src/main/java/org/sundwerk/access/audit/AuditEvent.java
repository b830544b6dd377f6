package org.sundwerk.access.audit;

import java.time.Instant;
import java.util.Objects;
import org.sundwerk.access.TenantId;

/**
 * One audited action: who ({@code Actor.principal()}, never a secret), when, in which tenant, what
 * ({@code action}, e.g. {@code MergeEntity}, {@code RevokeApiKey}), on what ({@code target}, e.g.
 * an entity id) and from where ({@code source}, the client address).
 */
public record AuditEvent(
    Instant at, String actor, TenantId tenant, String action, String target, String source) {

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(source, "source");
  }
}
