package org.sundwerk.business.catalog;

import java.util.List;
import java.util.Objects;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;

/**
 * A service in a tenant's catalog, as stored.
 *
 * @param tenant the tenant whose catalog holds it
 * @param id its slug, unique in the tenant
 * @param provider the partner that offers it and may edit it
 * @param draft what the partner wrote
 * @param stage where it is in its lifecycle
 * @param published whether an operator approved it, so visitors see it; later edits of a published
 *     service stay visible (operators review them afterwards)
 * @param history every stage change, oldest first; the first one is the creation
 */
public record Service(
    TenantId tenant,
    ServiceId id,
    PartnerId provider,
    ServiceDraft draft,
    Stage stage,
    boolean published,
    List<StageChange> history) {

  public Service {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(stage, "stage");
    history = List.copyOf(history);
  }
}
