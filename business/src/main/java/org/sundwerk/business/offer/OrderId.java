package org.sundwerk.business.offer;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** An order of a tenant: a random UUID (demo orders have readable slugs). */
public record OrderId(String value) {

  private static final Pattern SLUG = OfferId.SLUG;

  public OrderId {
    Objects.requireNonNull(value, "value");
    if (!SLUG.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "an order id is 1-64 lower-case letters, digits or inner hyphens: " + value);
    }
  }

  public static OrderId random() {
    return new OrderId(UUID.randomUUID().toString());
  }
}
