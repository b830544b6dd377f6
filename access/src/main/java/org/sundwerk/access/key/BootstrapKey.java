package org.sundwerk.access.key;

import java.util.Objects;
import java.util.Optional;
import org.sundwerk.access.Actor;
import org.sundwerk.access.ApiKeyId;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.Secrets;

/**
 * The platform operator's key from {@code SUNDWERK_ADMIN_API_KEY}, for deployment scripts and
 * monitoring: it is in no table, cannot be revoked but by changing the setting, and acts as the
 * platform operator with every scope. Only its SHA-256 is kept in memory.
 */
public final class BootstrapKey {

  /** Shorter keys are refused at start: the key guards everything. */
  public static final int MIN_LENGTH = 32;

  /** The id under which the bootstrap key appears in the audit log. */
  public static final ApiKeyId ID = new ApiKeyId("bootstrap");

  private static final Actor ACTOR =
      new Actor.ApiKey(ID, new Actor.PlatformOperator(Optional.empty()), KeyScope.everything());

  private final String hash;

  private BootstrapKey(String configured) {
    this.hash = Secrets.sha256Hex(configured);
  }

  /**
   * The bootstrap key if {@code configured} (the environment variable's value) is set and not
   * blank; fails for a key shorter than {@value #MIN_LENGTH} characters.
   */
  public static Optional<BootstrapKey> fromSetting(Optional<String> configured) {
    Objects.requireNonNull(configured, "configured");
    Optional<String> key = configured.map(String::strip).filter(value -> !value.isEmpty());
    if (key.isPresent() && key.get().length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "SUNDWERK_ADMIN_API_KEY must have at least " + MIN_LENGTH + " characters");
    }
    return key.map(BootstrapKey::new);
  }

  /** The platform operator if {@code presented} is this key; compared in constant time. */
  public Optional<Actor> actorFor(String presented) {
    return Secrets.sameHash(hash, Secrets.sha256Hex(presented))
        ? Optional.of(ACTOR)
        : Optional.empty();
  }
}
