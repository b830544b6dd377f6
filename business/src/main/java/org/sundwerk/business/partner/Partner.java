package org.sundwerk.business.partner;

import java.time.Instant;
import java.util.Objects;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;

/**
 * A partner organisation of a tenant as it stands now; how it got there is its {@link Transition}
 * history. {@code applicant} is the account that applied and became its first owner.
 */
public record Partner(
    PartnerId id,
    TenantId tenant,
    PartnerProfile profile,
    PartnerStatus status,
    AccountId applicant,
    Instant appliedAt,
    Instant changedAt) {

  public Partner {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(applicant, "applicant");
    Objects.requireNonNull(appliedAt, "appliedAt");
    Objects.requireNonNull(changedAt, "changedAt");
  }
}
