package org.sundwerk.portal.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sundwerk.access.Operation;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.key.KeyListing;

/**
 * One API key as the account page lists it, times in the portal's zone; never the secret. Empty
 * texts mean "no narrowing" (every tenant, every type) or "never".
 */
record KeyRow(
    String id,
    String name,
    String tenants,
    String operations,
    String entityTypes,
    String createdAt,
    String lastUsedAt,
    boolean revoked) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static KeyRow of(KeyListing key, ZoneId zone) {
    return new KeyRow(
        key.id().value(),
        key.name(),
        key.scope().tenants().stream()
            .map(TenantId::name)
            .map(name -> name.isEmpty() ? "(default)" : name)
            .sorted()
            .collect(Collectors.joining(", ")),
        key.scope().operations().stream()
            .sorted()
            .map(Operation::name)
            .collect(Collectors.joining(", ")),
        key.scope().entityTypes().stream().sorted().collect(Collectors.joining(", ")),
        format(Optional.of(key.createdAt()), zone),
        format(key.lastUsedAt(), zone),
        key.revokedAt().isPresent());
  }

  private static String format(Optional<Instant> time, ZoneId zone) {
    return time.map(t -> format(t, zone)).orElse("");
  }

  static String format(Instant time, ZoneId zone) {
    return TIME.format(time.atZone(zone));
  }
}
