package org.sundwerk.broker.temporal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.ngsild.model.Attribute;

/**
 * The port of the temporal representation: attribute instances per entity and tenant, written by
 * the entity store for every change and directly by the temporal API.
 *
 * <p>Contract: writes complete after a durable commit; reads see committed state. Entity ids in
 * results keep the order of the ids given. Thread-safe.
 */
public interface TemporalStore {

  /**
   * Adds instances to the temporal entity (created, with {@code types}, if it does not exist;
   * otherwise its types become the union). With no types, the temporal entity must exist, else the
   * future fails with ResourceNotFound. Instances keep their observedAt; their system times are set
   * to {@code now}. Completes with true if the temporal entity was created.
   */
  CompletableFuture<Boolean> append(
      String tenant,
      String entityId,
      List<String> types,
      Map<String, List<Attribute>> instances,
      Instant now);

  /**
   * The ids of a page of temporal entities selected by type, ids, idPattern and attrs (a history of
   * at least one of them), in creation order, with the count if the paging asks for it. The
   * criteria on the current state ({@code q}, {@code scopeQ}, {@code geoQ}) are not the temporal
   * store's: the operation asks the entity store for those.
   */
  Page<String> select(String tenant, EntityQuery query);

  /** The history of the given entities; ids without a temporal entity are left out. */
  List<TemporalEntity> instances(String tenant, List<String> entityIds, TimeFilter filter);

  /** The aggregated history of the given entities, computed in the database. */
  List<AggregatedEntity> aggregate(
      String tenant, List<String> entityIds, TimeFilter filter, Aggregation aggregation);

  /**
   * Replaces the value and metadata of one instance, keeping its instanceId and createdAt;
   * completes with false if there is no such instance.
   */
  CompletableFuture<Boolean> modifyInstance(
      String tenant,
      String entityId,
      String attribute,
      String instanceId,
      Attribute replacement,
      Instant now);

  /** Completes with false if there is no such instance. */
  CompletableFuture<Boolean> deleteInstance(
      String tenant, String entityId, String attribute, String instanceId);

  /** Deletes every instance of the attribute; completes with false if it had none. */
  CompletableFuture<Boolean> deleteAttribute(String tenant, String entityId, String attribute);

  /** Deletes the temporal entity with its history; completes with false if there was none. */
  CompletableFuture<Boolean> deleteEntity(String tenant, String entityId);

  /** The tenants that have temporal entities. */
  Set<String> tenants();

  /**
   * Deletes up to {@code maxRows} of the tenant's instances whose observedAt (or modifiedAt, where
   * there is none) lies before {@code before}, oldest first; completes with the number deleted.
   * Bounded so that one prune never holds the single writer for long.
   */
  CompletableFuture<Long> prune(String tenant, Instant before, int maxRows);

  /**
   * Keeps the time partitions of the history, where the store has them: creates those of the coming
   * months (relative to {@code now}) and of months that so far had none, and drops the months that
   * end at or before {@code dropBefore}, for every tenant at once; completes with the number of
   * instances dropped. A store without partitions does nothing; {@link #prune} deletes the rest row
   * by row.
   */
  default CompletableFuture<Long> maintainPartitions(Instant now, Optional<Instant> dropBefore) {
    return CompletableFuture.completedFuture(0L);
  }
}
