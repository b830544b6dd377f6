package org.sundwerk.business.offer;

import java.util.Objects;
import java.util.Optional;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.Text;

/**
 * An offer of one catalog service by its provider partner, with the current versions of its terms
 * and price. {@code serviceRef} is the service's slug in the catalog.
 */
public record Offer(
    OfferId id,
    TenantId tenant,
    String serviceRef,
    PartnerId provider,
    Text name,
    Terms terms,
    Price price,
    Optional<DataProduct> dataProduct,
    OfferStatus status) {

  public Offer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(serviceRef, "serviceRef");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(dataProduct, "dataProduct");
    Objects.requireNonNull(status, "status");
  }
}
