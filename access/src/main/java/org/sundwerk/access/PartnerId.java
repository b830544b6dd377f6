package org.sundwerk.access;

import java.util.Objects;

/** A partner organisation of a tenant; the business layer owns partners and refers to them so. */
public record PartnerId(String value) {

  public PartnerId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 64) {
      throw new IllegalArgumentException("a partner id is 1-64 characters");
    }
  }
}
