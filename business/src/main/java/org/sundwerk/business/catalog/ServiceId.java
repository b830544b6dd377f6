package org.sundwerk.business.catalog;

import java.util.Objects;

/** A service of a tenant's catalog, named by a slug ({@code parkleitsystem}) that URLs show. */
public record ServiceId(String value) {

  public ServiceId {
    Objects.requireNonNull(value, "value");
    if (!value.matches("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")) {
      throw new IllegalArgumentException(
          "a service id is 1-64 lower-case letters, digits and inner hyphens: " + value);
    }
  }
}
