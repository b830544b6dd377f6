package org.sundwerk.access;

import java.util.Objects;
import java.util.UUID;

/** A local or OIDC-linked account: a random UUID, never the e-mail address (which may change). */
public record AccountId(String value) {

  public AccountId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 64) {
      throw new IllegalArgumentException("an account id is 1-64 characters");
    }
  }

  public static AccountId random() {
    return new AccountId(UUID.randomUUID().toString());
  }
}
