package org.sundwerk.broker.entity;

import java.time.Clock;

/**
 * The handlers of the entity operations of clauses 5.6 and 5.7, one per operation and each named as
 * the spec names it, sharing one store and clock.
 */
public record EntityOperations(
    CreateEntity create,
    RetrieveEntity retrieve,
    ReplaceEntity replace,
    MergeEntity merge,
    DeleteEntity delete,
    AppendAttributes append,
    UpdateAttributes update,
    PartialAttributeUpdate partialAttributeUpdate,
    ReplaceAttribute replaceAttribute,
    DeleteAttribute deleteAttribute,
    QueryEntities query,
    BatchEntityCreation batchCreate,
    BatchEntityUpsert batchUpsert,
    BatchEntityUpdate batchUpdate,
    BatchEntityMerge batchMerge,
    BatchEntityDelete batchDelete,
    RetrieveAvailableEntityTypes types,
    RetrieveEntityTypeInformation type,
    RetrieveAvailableAttributes attributes,
    RetrieveAttributeInformation attribute) {

  /**
   * @param maxPageSize the largest {@code limit} a query may ask for
   */
  public static EntityOperations create(EntityStore store, Clock clock, int maxPageSize) {
    Writes writes = new Writes(store, clock);
    CreateEntity create = new CreateEntity(writes);
    ReplaceEntity replace = new ReplaceEntity(writes);
    MergeEntity merge = new MergeEntity(writes);
    DeleteEntity delete = new DeleteEntity(writes);
    AppendAttributes append = new AppendAttributes(writes);
    RetrieveAvailableEntityTypes types = new RetrieveAvailableEntityTypes(store);
    RetrieveAvailableAttributes attributes = new RetrieveAvailableAttributes(store);
    return new EntityOperations(
        create,
        new RetrieveEntity(store),
        replace,
        merge,
        delete,
        append,
        new UpdateAttributes(writes),
        new PartialAttributeUpdate(writes),
        new ReplaceAttribute(writes),
        new DeleteAttribute(writes),
        new QueryEntities(store, maxPageSize),
        new BatchEntityCreation(writes, create),
        new BatchEntityUpsert(writes, create, replace, append),
        new BatchEntityUpdate(writes, append),
        new BatchEntityMerge(writes, merge),
        new BatchEntityDelete(writes, delete),
        types,
        new RetrieveEntityTypeInformation(types),
        attributes,
        new RetrieveAttributeInformation(attributes));
  }
}
