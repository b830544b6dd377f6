package org.sundwerk.broker.entity;

import org.sundwerk.ngsild.model.Attribute;

/**
 * Partial Attribute Update (clause 5.6.4, PATCH {@code /entities/{id}/attrs/{attrId}}): merges the
 * given instance into the existing one with the same datasetId.
 */
public final class PartialAttributeUpdate {

  private final Writes writes;

  PartialAttributeUpdate(Writes writes) {
    this.writes = writes;
  }

  public void handle(String tenant, String id, String name, Attribute patch) {
    AttributeInstances.replaceInstance(
        writes,
        tenant,
        id,
        name,
        patch.datasetId(),
        existing -> AttributeChanges.mergeInstance(existing, patch));
  }
}
