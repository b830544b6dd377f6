package org.sundwerk.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sundwerk.broker.entity.AttributeSummary;
import org.sundwerk.broker.entity.EntityMutation;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.entity.EntityStore;
import org.sundwerk.broker.entity.TypeSummary;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.ngsild.model.Entity;

/**
 * Times every store call as the Prometheus metric {@code sundwerk_store_seconds{operation=...}};
 * writes are timed from submission to durable commit.
 */
final class TimedEntityStore implements EntityStore {

  private final EntityStore store;
  private final Timer write;
  private final Timer retrieve;
  private final Timer query;
  private final Timer discovery;

  TimedEntityStore(EntityStore store, MeterRegistry meters) {
    this.store = store;
    this.write = timer(meters, "write");
    this.retrieve = timer(meters, "retrieve");
    this.query = timer(meters, "query");
    this.discovery = timer(meters, "discovery");
  }

  private static Timer timer(MeterRegistry meters, String operation) {
    return Timer.builder("sundwerk.store")
        .description("Time spent in the entity store")
        .tag("operation", operation)
        .publishPercentileHistogram()
        .register(meters);
  }

  @Override
  public <R> CompletableFuture<R> write(
      String tenant, String entityId, EntityMutation<R> mutation) {
    Timer.Sample sample = Timer.start();
    return store.write(tenant, entityId, mutation).whenComplete((r, e) -> sample.stop(write));
  }

  @Override
  public <R> CompletableFuture<R> writeOnce(
      String tenant, String entityId, String key, EntityMutation<R> mutation, R duplicate) {
    Timer.Sample sample = Timer.start();
    return store
        .writeOnce(tenant, entityId, key, mutation, duplicate)
        .whenComplete((r, e) -> sample.stop(write));
  }

  @Override
  public Optional<Entity> retrieve(String tenant, String entityId) {
    return retrieve.record(() -> store.retrieve(tenant, entityId));
  }

  @Override
  public Page<Entity> query(String tenant, EntityQuery entityQuery) {
    return query.record(() -> store.query(tenant, entityQuery));
  }

  @Override
  public boolean tenantExists(String tenant) {
    return store.tenantExists(tenant);
  }

  @Override
  public List<TypeSummary> types(String tenant) {
    return discovery.record(() -> store.types(tenant));
  }

  @Override
  public List<AttributeSummary> attributes(String tenant) {
    return discovery.record(() -> store.attributes(tenant));
  }
}
