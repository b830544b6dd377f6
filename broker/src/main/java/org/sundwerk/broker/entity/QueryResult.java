package org.sundwerk.broker.entity;

import java.util.List;
import java.util.OptionalLong;
import org.sundwerk.ngsild.model.Entity;

/** A page of entities and, when asked for, the total number of matches. */
public record QueryResult(List<Entity> entities, OptionalLong count) {
  public QueryResult {
    entities = List.copyOf(entities);
  }
}
