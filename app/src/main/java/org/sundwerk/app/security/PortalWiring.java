package org.sundwerk.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Actor;
import org.sundwerk.access.Decision;
import org.sundwerk.access.Operation;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.broker.Broker;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.temporal.AggregatedEntity;
import org.sundwerk.broker.temporal.Aggregation;
import org.sundwerk.broker.temporal.TemporalOperations;
import org.sundwerk.broker.temporal.TimeFilter;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.portal.PortalGate;

/**
 * What the portal module gets from the app: the gate (the actor {@link ActorFilter} resolved, and
 * {@code AccessPolicy} through {@link AccessGate}) and the database its sessions live in.
 */
@Configuration(proxyBeanMethods = false)
class PortalWiring {

  @Bean
  PortalGate portalGate(
      AccessGate gate, ActorResolver resolver, Broker broker, TemporalOperations temporal) {
    return new PortalGate() {
      @Override
      public List<Entity> publicEntities(TenantId tenant, EntityQuery query) {
        if (!(gate.decide(
                new Actor.Anonymous("portal map"), AccessRequest.entities(tenant, Operation.READ))
            instanceof Decision.Allow allow)) {
          return List.of();
        }
        Visible visible = Visible.through(allow.view());
        return visible
            .narrow(query)
            .map(
                narrowed ->
                    visible.entities(
                        broker.entities().query().handle(tenant.name(), narrowed).items()))
            .orElse(List.of());
      }

      @Override
      public Actor actor(HttpServletRequest request) {
        return gate.actor(request, TenantId.DEFAULT);
      }

      @Override
      public Decision decide(HttpServletRequest request, Operation operation, Resource resource) {
        return gate.decide(actor(request), AccessRequest.of(TenantId.DEFAULT, operation, resource));
      }

      @Override
      public String clientAddress(HttpServletRequest request) {
        return resolver.clientAddress(request);
      }

      @Override
      public Optional<Entity> publicEntity(TenantId tenant, String id) {
        return anonymousView(tenant)
            .flatMap(
                visible ->
                    unlessMissing(() -> broker.entities().retrieve().handle(tenant.name(), id))
                        .flatMap(visible::entity));
      }

      @Override
      public Optional<AggregatedEntity> publicHistory(
          TenantId tenant, String id, TimeFilter filter, Aggregation aggregation) {
        return anonymousView(tenant)
            .flatMap(
                visible ->
                    unlessMissing(
                            () ->
                                temporal
                                    .retrieve()
                                    .aggregated(tenant.name(), id, filter, aggregation))
                        .flatMap(visible::aggregated));
      }

      /** What anonymous readers may see in the tenant; empty when it is closed to them. */
      private Optional<Visible> anonymousView(TenantId tenant) {
        return gate.decide(
                    new Actor.Anonymous("portal"), AccessRequest.entities(tenant, Operation.READ))
                instanceof Decision.Allow allow
            ? Optional.of(Visible.through(allow.view()))
            : Optional.empty();
      }

      /** The answer, or empty when the entity (or its tenant) does not exist. */
      private <T> Optional<T> unlessMissing(java.util.function.Supplier<T> read) {
        try {
          return Optional.of(read.get());
        } catch (NgsiLdException e) {
          if (e.httpStatus() == 404) {
            return Optional.empty();
          }
          throw e;
        }
      }
    };
  }

  /**
   * The only Spring {@code DataSource}: the access tables' pool, for Spring Session JDBC (portal
   * sessions in {@code access_session}, created by the access migration V3, so sessions outlive a
   * restart and a switch of node on PostgreSQL). The store keeps its own pools. Closed with {@link
   * AccessDatabase}, not as a bean of its own.
   */
  @Bean(destroyMethod = "")
  DataSource sessionDataSource(AccessDatabase database) {
    return database.dataSource();
  }
}
