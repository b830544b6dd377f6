package org.sundwerk.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Actor;
import org.sundwerk.access.AttributeView;
import org.sundwerk.access.Operation;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.app.config.SundwerkProperties;
import org.sundwerk.app.security.AccessGate;
import org.sundwerk.app.security.Visible;
import org.sundwerk.app.web.ProblemDetails;
import org.sundwerk.broker.Broker;
import org.sundwerk.broker.entity.BatchResult;
import org.sundwerk.broker.entity.EntityOperations;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.entity.UpdateResult;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.ngsild.codec.Names;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What the controllers share: request parsing with the configured limits, and rendering. */
@Component
final class Api {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Contexts contexts;
  private final Responses responses;
  private final ObjectMapper json;
  private final SundwerkProperties properties;
  private final AccessGate gate;
  private final EntityOperations entities;

  Api(
      Contexts contexts,
      Responses responses,
      ObjectMapper json,
      SundwerkProperties properties,
      AccessGate gate,
      Broker broker) {
    this.contexts = contexts;
    this.responses = responses;
    this.json = json;
    this.properties = properties;
    this.gate = gate;
    this.entities = broker.entities();
  }

  /**
   * Asks the access gate whether this request may do {@code operation} on entities of {@code types}
   * and returns what it may see; throws {@code AccessDenied} (401 or 403) if not.
   */
  AttributeView allow(
      HttpServletRequest http,
      NgsiLdRequest request,
      Operation operation,
      Supplier<Set<String>> types) {
    return allow(http, request, operation, Resource.ENTITIES, types);
  }

  AttributeView allow(
      HttpServletRequest http,
      NgsiLdRequest request,
      Operation operation,
      Resource resource,
      Supplier<Set<String>> types) {
    return gate.require(http, TenantId.of(request.tenant()), operation, resource, types);
  }

  /** The request's actor in its tenant (resolved by the filter before). */
  Actor actor(HttpServletRequest http, NgsiLdRequest request) {
    return gate.actor(http, TenantId.of(request.tenant()));
  }

  /**
   * Whether the actor operates the request's tenant, asked of the access decision as an admin
   * action: operators see every subscription of it.
   */
  boolean operates(HttpServletRequest http, NgsiLdRequest request) {
    TenantId tenant = TenantId.of(request.tenant());
    return gate.decide(
            actor(http, request), AccessRequest.of(tenant, Operation.ADMIN, Resource.ENTITIES))
        .allowed();
  }

  /**
   * Allows a read of entities of {@code types} (those a request names; empty: any) and returns what
   * the reader may see of them; throws {@code AccessDenied} if it may not read a named type.
   */
  Visible read(HttpServletRequest http, NgsiLdRequest request, Supplier<Set<String>> types) {
    return Visible.through(allow(http, request, Operation.READ, types));
  }

  /**
   * Runs {@code query} narrowed to what the reader may see (see {@link Visible#narrow}), so that
   * paging and counts hold; the entities of the page still need {@link Visible#entities}.
   */
  <T> Page<T> query(Visible visible, EntityQuery query, Function<EntityQuery, Page<T>> run) {
    query.requireSelective();
    return visible
        .narrow(query)
        .map(run)
        .orElseGet(
            () ->
                new Page<>(
                    List.of(),
                    query.paging().check(properties.maxPageSize()).count()
                        ? OptionalLong.of(0)
                        : OptionalLong.empty(),
                    false));
  }

  /**
   * The types a batch touches: those its entities name and those the stored entities with their ids
   * have (ids not stored add none). Asked only for actors whose decision depends on types.
   */
  Supplier<Set<String>> batchTypes(NgsiLdRequest request, List<String> ids, List<Entity> named) {
    return () -> {
      Set<String> types = new HashSet<>();
      named.forEach(entity -> types.addAll(entity.types()));
      for (String id : ids) {
        try {
          types.addAll(entities.retrieve().handle(request.tenant(), id).types());
        } catch (NgsiLdException e) {
          if (e.type() != ErrorType.RESOURCE_NOT_FOUND) {
            throw e;
          }
        }
      }
      return types;
    };
  }

  /** The types of a stored entity, for a write that addresses it by id alone. */
  Supplier<Set<String>> storedTypes(NgsiLdRequest request, String id) {
    return () ->
        Set.copyOf(entities.retrieve().handle(request.tenant(), Names.requireEntityId(id)).types());
  }

  NgsiLdRequest request(HttpServletRequest http) {
    return NgsiLdRequest.of(http, contexts);
  }

  NgsiLdRequest request(HttpServletRequest http, byte[] body, boolean mergePatchAllowed) {
    return NgsiLdRequest.withBody(http, body, contexts, json, mergePatchAllowed);
  }

  Contexts contexts() {
    return contexts;
  }

  Responses responses() {
    return responses;
  }

  int defaultPageSize() {
    return properties.defaultPageSize();
  }

  /** The UpdateResult body of a 207 (clause 5.2.18), names compacted. */
  static ObjectNode updateResult(UpdateResult result, TermDictionary terms) {
    ObjectNode body = NODES.objectNode();
    ArrayNode updated = body.putArray("updated");
    result.updated().forEach(name -> updated.add(terms.compact(name)));
    ArrayNode notUpdated = body.putArray("notUpdated");
    for (UpdateResult.NotUpdated skipped : result.notUpdated()) {
      ObjectNode item = notUpdated.addObject();
      item.put("attributeName", terms.compact(skipped.attributeName()));
      item.put("reason", skipped.reason());
    }
    return body;
  }

  /** The BatchOperationResult body of a 207 (clause 5.2.16). */
  static ObjectNode batchResult(BatchResult result) {
    ObjectNode body = NODES.objectNode();
    ArrayNode success = body.putArray("success");
    result.success().forEach(success::add);
    ArrayNode errors = body.putArray("errors");
    for (BatchResult.BatchError error : result.errors()) {
      ObjectNode item = errors.addObject();
      item.put("entityId", error.entityId());
      item.set(
          "error",
          ProblemDetails.body(
              error.error().type(), error.error().httpStatus(), error.error().detail()));
    }
    return body;
  }
}
