package org.sundwerk.broker.temporal;

import java.util.List;
import java.util.Map;

/**
 * The temporal evolution of one entity: per attribute (expanded name) its instances ordered by the
 * query's time property.
 */
public record TemporalEntity(
    String id, List<String> types, Map<String, List<AttributeInstance>> attributes) {

  public TemporalEntity {
    types = List.copyOf(types);
    attributes = Map.copyOf(attributes);
  }
}
