package org.sundwerk.business.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * Live data a service shows: entities of one NGSI-LD type (a short name such as {@code
 * OffStreetParking} or an IRI), optionally narrowed by an NGSI-LD query ({@code q}). The catalog
 * only keeps the binding; the portal reads the data through its access gate.
 */
public record LiveBinding(String entityType, Optional<String> q) {

  public LiveBinding {
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(q, "q");
    if (entityType.isBlank() || entityType.length() > 256 || entityType.contains("\t")) {
      throw new IllegalArgumentException("an entity type is 1-256 characters without tabs");
    }
    q = q.filter(value -> !value.isBlank());
    if (q.filter(value -> value.length() > 512 || value.contains("\n") || value.contains("\t"))
        .isPresent()) {
      throw new IllegalArgumentException("a query is at most 512 characters on one line");
    }
  }
}
