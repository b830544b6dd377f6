package org.sundwerk.business.offer;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** An offer of a tenant: a slug (demo offers have readable ones) or a random one. */
public record OfferId(String value) {

  static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

  public OfferId {
    Objects.requireNonNull(value, "value");
    if (!SLUG.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "an offer id is 1-64 lower-case letters, digits or inner hyphens: " + value);
    }
  }

  public static OfferId random() {
    return new OfferId(UUID.randomUUID().toString());
  }
}
