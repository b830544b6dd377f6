package org.sundwerk.broker.entity;

import org.sundwerk.ngsild.model.Attribute;

/**
 * Replace Attribute (clause 5.6.19, PUT {@code /entities/{id}/attrs/{attrId}}): replaces the
 * instance with the same datasetId wholly.
 */
public final class ReplaceAttribute {

  private final Writes writes;

  ReplaceAttribute(Writes writes) {
    this.writes = writes;
  }

  public void handle(String tenant, String id, String name, Attribute replacement) {
    AttributeInstances.replaceInstance(
        writes, tenant, id, name, replacement.datasetId(), existing -> replacement);
  }
}
