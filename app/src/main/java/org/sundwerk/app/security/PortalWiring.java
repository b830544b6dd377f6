package org.sundwerk.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.portal.PortalGate;
import org.sundwerk.portal.legal.PortalPages;

/**
 * What the portal module gets from the app: the gate (the actor {@link ActorFilter} resolved, and
 * {@code AccessPolicy} through {@link AccessGate}) and the database its sessions live in.
 */
@Configuration(proxyBeanMethods = false)
class PortalWiring {

  @Bean
  PortalGate portalGate(AccessGate gate, ActorResolver resolver, Broker broker) {
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
      public Decision decideIn(
          HttpServletRequest request, TenantId tenant, Operation operation, Resource resource) {
        return gate.decide(
            gate.actor(request, tenant), AccessRequest.of(tenant, operation, resource));
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

  /**
   * The portal's own tables (operator-edited pages, accessibility feedback) in the access database,
   * migrated by the portal with its own Flyway history table.
   */
  @Bean
  PortalPages portalPages(AccessDatabase database) {
    return PortalPages.open(database.dataSource());
  }
}
