package org.sundwerk.broker.entity;

import org.sundwerk.ngsild.error.NgsiLdException;

/** Retrieve Available Attribute Information (clause 5.7.10): one attribute of a tenant. */
public final class RetrieveAttributeInformation {

  private final RetrieveAvailableAttributes attributes;

  RetrieveAttributeInformation(RetrieveAvailableAttributes attributes) {
    this.attributes = attributes;
  }

  public AttributeSummary handle(String tenant, String name) {
    return attributes.handle(tenant).stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow(() -> NgsiLdException.notFound("No entity has the attribute " + name));
  }
}
