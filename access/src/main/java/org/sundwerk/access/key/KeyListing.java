package org.sundwerk.access.key;

import java.time.Instant;
import java.util.Optional;
import org.sundwerk.access.ApiKeyId;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.PartnerId;

/** A key as its owner's account page lists it: never the secret. */
public record KeyListing(
    ApiKeyId id,
    String name,
    Optional<PartnerId> actingFor,
    KeyScope scope,
    Instant createdAt,
    Optional<Instant> lastUsedAt,
    Optional<Instant> revokedAt) {}
