package org.sundwerk.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.Decision;
import org.sundwerk.access.Operation;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.subscription.SubscriptionOwner;
import org.sundwerk.broker.temporal.AggregatedEntity;
import org.sundwerk.broker.temporal.Aggregation;
import org.sundwerk.broker.temporal.TimeFilter;
import org.sundwerk.ngsild.model.Entity;

/**
 * How portal pages learn who the visitor is and whether they may: the app implements it with its
 * access gate (the actor its filter resolved from the session or a credential, and {@code
 * AccessPolicy}, which alone decides). The portal never decides by itself.
 */
public interface PortalGate {

  /** The request's actor in the default tenant (anonymous when nobody is signed in). */
  Actor actor(HttpServletRequest request);

  /** The access decision for the request's actor on {@code resource}. */
  Decision decide(HttpServletRequest request, Operation operation, Resource resource);

  /**
   * What anonymous readers may see of {@code query} in {@code tenant}: the map shows it to
   * everyone. Hidden types are left out inside the query, hidden attributes dropped; empty when the
   * tenant is closed to anonymous readers.
   */
  List<Entity> publicEntities(TenantId tenant, EntityQuery query);

  /**
   * The client address that rate limits count: the TCP peer, or the forwarded client behind a
   * trusted proxy.
   */
  String clientAddress(HttpServletRequest request);

  /**
   * The owner of the portal's own subscriptions to {@code local:} endpoints (the live map): it is
   * notified every change of a tenant, and the portal shows only what {@link #publicEntities} then
   * answers.
   */
  SubscriptionOwner platformSubscriber();

  // ---- alerts ----

  /**
   * Whether the request's actor may follow entities of {@code types} in {@code tenant} (an alert by
   * e-mail: a subscription owned by its account): an account with a verified address that may
   * subscribe to those types. Anonymous visitors are told to sign in; API keys are refused.
   */
  Decision decideFollow(HttpServletRequest request, TenantId tenant, Set<String> types);

  /**
   * The owner a follow of the request's actor in {@code tenant} gets, as the NGSI-LD API would give
   * it; empty for anonymous visitors and API keys.
   */
  Optional<SubscriptionOwner> follower(HttpServletRequest request, TenantId tenant);

  /** The party whose follows the request's actor lists and removes as its own; empty: none. */
  Optional<String> followerParty(HttpServletRequest request);

  /**
   * The account an alert of a subscription owned by {@code owner} is mailed to; empty when it is no
   * account's or the account is gone or not verified.
   */
  Optional<AccountId> alertRecipient(SubscriptionOwner owner);

  /**
   * The access decision for the request's actor as it acts in {@code tenant} (a tenant operator
   * operates only its own tenant): e.g. {@code ADMIN} on {@code PORTAL} to edit the tenant's legal
   * pages.
   */
  Decision decideIn(
      HttpServletRequest request, TenantId tenant, Operation operation, Resource resource);

  /**
   * One entity as anonymous readers may see it (Retrieve Entity, then the same visibility as the
   * API gives them): hidden attributes dropped; empty when the entity does not exist, its type is
   * hidden or the tenant is closed to anonymous readers, so that a detail page cannot tell a hidden
   * entity from a missing one.
   */
  Optional<Entity> publicEntity(TenantId tenant, String id);

  /**
   * The aggregated history of one entity as anonymous readers may see it (Retrieve Temporal
   * Evolution with aggregation, computed in SQL): the attributes of {@code filter} that they may
   * see; empty as in {@link #publicEntity}, or when the entity has no history.
   */
  Optional<AggregatedEntity> publicHistory(
      TenantId tenant, String id, TimeFilter filter, Aggregation aggregation);

  // ---- offers ----

  /**
   * The request's actor as it acts in {@code tenant}: a partner member is one only in the tenant of
   * its partner.
   */
  Actor actorIn(HttpServletRequest request, TenantId tenant);

  /**
   * The access decision for the request's actor on a business request (a partner's records with
   * {@code AccessRequest.ofPartner}, an order with {@code WRITE} on {@code SERVICES}).
   */
  Decision decide(HttpServletRequest request, AccessRequest accessRequest);
}
