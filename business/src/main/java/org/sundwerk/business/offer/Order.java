package org.sundwerk.business.offer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.ApiKeyId;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;

/**
 * An order (a subscription) of one offer at the price version it bought, by an account, possibly
 * acting for a partner. {@code periodEnd} is the end of the current period; a subscription renews
 * itself there unless cancelled. {@code key} is the API key a data product issued.
 */
public record Order(
    OrderId id,
    TenantId tenant,
    OfferId offer,
    int priceVersion,
    AccountId consumer,
    Optional<PartnerId> actingFor,
    Consent consent,
    Instant start,
    Instant periodEnd,
    Optional<Cancellation> cancellation,
    OrderStatus status,
    Optional<ApiKeyId> key) {

  public Order {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(actingFor, "actingFor");
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(periodEnd, "periodEnd");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(key, "key");
  }

  /** The consumer agreed to version {@code termsVersion} of the offer's terms at {@code at}. */
  public record Consent(int termsVersion, Instant at) {
    public Consent {
      Objects.requireNonNull(at, "at");
    }
  }

  /** Asked for at {@code requestedAt}; the order ends at {@code effectiveAt}. */
  public record Cancellation(Instant requestedAt, Instant effectiveAt) {
    public Cancellation {
      Objects.requireNonNull(requestedAt, "requestedAt");
      Objects.requireNonNull(effectiveAt, "effectiveAt");
    }
  }
}
