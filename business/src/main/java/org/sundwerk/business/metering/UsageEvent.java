package org.sundwerk.business.metering;

import java.time.Instant;
import java.util.Objects;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.offer.BusinessModel.Unit;
import org.sundwerk.business.offer.OrderId;

/**
 * {@code quantity} units used under {@code order} at {@code occurredAt}. The {@code idempotencyKey}
 * names the event once and for all within its tenant (a request id, a booking id): the ledger
 * counts an event with the same key only once, however often and on whichever node it is recorded.
 */
public record UsageEvent(
    TenantId tenant,
    String idempotencyKey,
    OrderId order,
    Unit unit,
    long quantity,
    Instant occurredAt) {

  /** Keys are printable ASCII without spaces, at most this long. */
  public static final int MAX_KEY_LENGTH = 200;

  public UsageEvent {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (idempotencyKey.isEmpty()
        || idempotencyKey.length() > MAX_KEY_LENGTH
        || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "an idempotency key is 1-" + MAX_KEY_LENGTH + " printable ASCII characters");
    }
    if (quantity <= 0) {
      throw new IllegalArgumentException("a usage quantity is positive: " + quantity);
    }
  }
}
