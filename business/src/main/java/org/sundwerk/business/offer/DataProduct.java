package org.sundwerk.business.offer;

import java.util.Set;

/**
 * Read access an offer sells to entity types (expanded IRIs) of its tenant: ordering it issues an
 * API key scoped to these types. The key reads only what its owner may see of them (the access
 * layer's per-attribute visibility). {@code requestsPerMinute} is the rate the offer promises.
 */
public record DataProduct(Set<String> entityTypes, int requestsPerMinute) {

  public DataProduct {
    entityTypes = Set.copyOf(entityTypes);
    if (entityTypes.isEmpty()) {
      throw new IllegalArgumentException("a data product grants at least one entity type");
    }
    for (String type : entityTypes) {
      if (!type.contains(":")) {
        throw new IllegalArgumentException("entity types are expanded IRIs: " + type);
      }
    }
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("a data product allows at least 1 request per minute");
    }
  }
}
