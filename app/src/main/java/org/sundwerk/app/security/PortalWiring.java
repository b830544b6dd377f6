package org.sundwerk.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.Decision;
import org.sundwerk.access.Operation;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.broker.Broker;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.subscription.SubscriptionOwner;
import org.sundwerk.broker.temporal.AggregatedEntity;
import org.sundwerk.broker.temporal.Aggregation;
import org.sundwerk.broker.temporal.TemporalOperations;
import org.sundwerk.broker.temporal.TimeFilter;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.portal.PortalGate;
import org.sundwerk.portal.legal.PortalPages;
import org.sundwerk.portal.search.SearchIndex;

/**
 * What the portal module gets from the app: the gate (the actor {@link ActorFilter} resolved, and
 * {@code AccessPolicy} through {@link AccessGate}) and the database its sessions and its search
 * index live in.
 */
@Configuration(proxyBeanMethods = false)
class PortalWiring {

  @Bean
  PortalGate portalGate(
      AccessGate gate,
      ActorResolver resolver,
      Broker broker,
      Accounts accounts,
      TemporalOperations temporal) {
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
      public SubscriptionOwner platformSubscriber() {
        return SubscriptionOwners.platformFeature();
      }

      // ---- alerts ----

      @Override
      public Decision decideFollow(HttpServletRequest request, TenantId tenant, Set<String> types) {
        Actor actor = gate.actor(request, tenant);
        // One's own account first: anonymous visitors sign in, keys never reach the portal.
        Decision own =
            gate.decide(actor, AccessRequest.of(tenant, Operation.WRITE, Resource.ACCOUNT));
        if (!own.allowed()) {
          return own;
        }
        Optional<AccountId> account = accountOf(SubscriptionOwners.party(actor));
        if (account.flatMap(accounts::find).flatMap(a -> a.emailVerifiedAt()).isEmpty()) {
          return new Decision.Deny(
              "alerts go to a verified e-mail address", Decision.Denial.FORBIDDEN);
        }
        return gate.decide(
            actor, new AccessRequest(tenant, Operation.SUBSCRIBE, Resource.ENTITIES, types));
      }

      @Override
      public Optional<SubscriptionOwner> follower(HttpServletRequest request, TenantId tenant) {
        Actor actor = gate.actor(request, tenant);
        return actor instanceof Actor.ApiKey ? Optional.empty() : SubscriptionOwners.ownerOf(actor);
      }

      @Override
      public Optional<String> followerParty(HttpServletRequest request) {
        Actor actor = actor(request);
        return actor instanceof Actor.ApiKey ? Optional.empty() : SubscriptionOwners.party(actor);
      }

      @Override
      public Optional<AccountId> alertRecipient(SubscriptionOwner owner) {
        return accountOf(Optional.of(owner.party()))
            .filter(id -> accounts.find(id).flatMap(a -> a.emailVerifiedAt()).isPresent());
      }

      @Override
      public Decision decideIn(
          HttpServletRequest request, TenantId tenant, Operation operation, Resource resource) {
        return gate.decide(
            gate.actor(request, tenant), AccessRequest.of(tenant, operation, resource));
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

      // ---- offers ----

      @Override
      public Actor actorIn(HttpServletRequest request, TenantId tenant) {
        return gate.actor(request, tenant);
      }

      @Override
      public Decision decide(HttpServletRequest request, AccessRequest accessRequest) {
        return gate.decide(gate.actor(request, accessRequest.tenant()), accessRequest);
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

  // ---- alerts ----

  /** The account of a subscription party ({@code account:<id>}, see {@link SubscriptionOwners}). */
  private static Optional<AccountId> accountOf(Optional<String> party) {
    return party
        .filter(p -> p.startsWith("account:"))
        .map(p -> new AccountId(p.substring("account:".length())));
  }

  /**
   * The portal's search index, in the access database next to the sessions: its own table and
   * migration history ({@code portal_search_schema_history}). Migrated here, at start.
   */
  @Bean
  SearchIndex searchIndex(AccessDatabase database) {
    return SearchIndex.open(database.dataSource());
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
