package org.sundwerk.broker.entity;

import java.time.Clock;

/**
 * The handlers of the entity operations, one per operation, sharing one store and clock.
 *
 * @param create Create Entity
 * @param retrieve Retrieve Entity
 * @param replace Replace Entity
 * @param merge Merge Entity
 * @param delete Delete Entity
 * @param append Append Entity Attributes
 * @param update Update Entity Attributes
 * @param attribute Partial Attribute Update, Replace Attribute, Delete Attribute
 * @param query Query Entities
 * @param batch the batch operations
 * @param discovery types and attributes
 */
public record EntityOperations(
    CreateEntity create,
    RetrieveEntity retrieve,
    ReplaceEntity replace,
    MergeEntity merge,
    DeleteEntity delete,
    AppendAttributes append,
    UpdateAttributes update,
    AttributeOperations attribute,
    QueryEntities query,
    BatchOperations batch,
    EntityDiscovery discovery) {

  public static EntityOperations create(EntityStore store, Clock clock, int maxPageSize) {
    Writes writes = new Writes(store, clock);
    CreateEntity create = new CreateEntity(writes);
    ReplaceEntity replace = new ReplaceEntity(writes);
    MergeEntity merge = new MergeEntity(writes);
    DeleteEntity delete = new DeleteEntity(writes);
    AppendAttributes append = new AppendAttributes(writes);
    return new EntityOperations(
        create,
        new RetrieveEntity(store),
        replace,
        merge,
        delete,
        append,
        new UpdateAttributes(writes),
        new AttributeOperations(writes),
        new QueryEntities(store, maxPageSize),
        new BatchOperations(writes, create, replace, append, merge, delete),
        new EntityDiscovery(store));
  }
}
