package org.sundwerk.access;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The public part of an API key: it names the key in lists, logs and the audit log, and finds its
 * row; it grants nothing without the secret.
 */
public record ApiKeyId(String value) {

  private static final Pattern VALUE = Pattern.compile("[a-z0-9]{1,32}");

  public ApiKeyId {
    Objects.requireNonNull(value, "value");
    if (!VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException("an API key id is 1-32 lower-case letters or digits");
    }
  }
}
