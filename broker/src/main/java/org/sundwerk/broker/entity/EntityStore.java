package org.sundwerk.broker.entity;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.ngsild.model.Entity;

/**
 * The port through which operations read and write entities of one tenant.
 *
 * <p>Contract: a write runs its mutation against the current state of the entity while no other
 * write to that entity can interleave, and the returned future completes only after the result is
 * durably committed (an acknowledged write survives a crash). If the mutation throws, nothing is
 * written and the future completes exceptionally with that exception. Writing to an unknown tenant
 * creates it. Implementations are thread-safe.
 */
public interface EntityStore {

  <R> CompletableFuture<R> write(String tenant, String entityId, EntityMutation<R> mutation);

  /**
   * Like {@link #write}, but at most once per {@code key} in the tenant, across restarts and nodes:
   * the key is committed in the same transaction as the write. A later write with a key that is
   * already committed does not run its mutation and completes with {@code duplicate}. A write that
   * fails leaves no key behind, so that a retry is not taken for a copy. Keys are remembered for
   * days (the JDBC store: 7), not forever.
   */
  <R> CompletableFuture<R> writeOnce(
      String tenant, String entityId, String key, EntityMutation<R> mutation, R duplicate);

  Optional<Entity> retrieve(String tenant, String entityId);

  /**
   * The page of entities matching the query, in a stable order (creation order), with the count if
   * the paging asks for it. Does not check the paging (the operation does).
   */
  Page<Entity> query(String tenant, EntityQuery query);

  /** True once anything has been written for the tenant. */
  boolean tenantExists(String tenant);

  /** One summary per entity type present in the tenant, ordered by type. */
  List<TypeSummary> types(String tenant);

  /** One summary per attribute name present in the tenant, ordered by name. */
  List<AttributeSummary> attributes(String tenant);
}
