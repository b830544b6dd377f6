package org.sundwerk.broker.temporal;

import java.time.Clock;
import org.sundwerk.broker.entity.EntityStore;

/**
 * The temporal operations, one handler per operation of clauses 5.6.11 to 5.6.16, 5.7.3 and 5.7.4,
 * each named as the spec names it.
 */
public record TemporalOperations(
    RetrieveTemporalEvolution retrieve,
    QueryTemporalEvolution query,
    CreateOrUpdateTemporalEvolution createOrUpdate,
    AddTemporalAttributes addAttributes,
    ModifyAttributeInstance modifyInstance,
    DeleteTemporalEvolution delete,
    DeleteTemporalAttribute deleteAttribute,
    DeleteAttributeInstance deleteInstance) {

  /**
   * @param entities the current-state store: tenants, and {@code q} on the current state
   * @param maxPageSize the largest {@code limit} a query may ask for
   */
  public static TemporalOperations create(
      TemporalStore store, EntityStore entities, Clock clock, int maxPageSize) {
    return new TemporalOperations(
        new RetrieveTemporalEvolution(store, entities),
        new QueryTemporalEvolution(store, entities, maxPageSize),
        new CreateOrUpdateTemporalEvolution(store, clock),
        new AddTemporalAttributes(store, clock),
        new ModifyAttributeInstance(store, clock),
        new DeleteTemporalEvolution(store),
        new DeleteTemporalAttribute(store),
        new DeleteAttributeInstance(store));
  }
}
