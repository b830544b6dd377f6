package org.sundwerk.broker.entity;

import org.sundwerk.ngsild.error.NgsiLdException;

/** Retrieve Available Entity Type Information (clause 5.7.7): one type of a tenant. */
public final class RetrieveEntityTypeInformation {

  private final RetrieveAvailableEntityTypes types;

  RetrieveEntityTypeInformation(RetrieveAvailableEntityTypes types) {
    this.types = types;
  }

  public TypeSummary handle(String tenant, String type) {
    return types.handle(tenant).stream()
        .filter(t -> t.type().equals(type))
        .findFirst()
        .orElseThrow(() -> NgsiLdException.notFound("No entity has the type " + type));
  }
}
