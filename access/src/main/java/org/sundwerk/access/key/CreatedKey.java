package org.sundwerk.access.key;

import org.sundwerk.access.ApiKeyId;

/**
 * A new key, the only time its secret exists in clear: show {@code key} to its owner once ({@code
 * sw_<id>_<secret>}). {@link #toString} leaves the secret out, so a log line cannot leak it.
 */
public record CreatedKey(ApiKeyId id, String key) {

  @Override
  public String toString() {
    return "CreatedKey[id=" + id.value() + "]";
  }
}
