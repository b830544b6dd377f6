package org.sundwerk.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.access.Operation;
import org.sundwerk.app.security.Visible;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.broker.temporal.AggregatedEntity;
import org.sundwerk.broker.temporal.TemporalEntity;
import org.sundwerk.broker.temporal.TemporalOperations;
import org.sundwerk.broker.temporal.TimeFilter;
import org.sundwerk.ngsild.codec.Names;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.query.ProjectionParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The temporal API (clauses 6.18 to 6.22): {@code /ngsi-ld/v1/temporal/...}. History is recorded
 * from every entity change; POST here writes instances into the temporal representation only and
 * leaves the current state of the entity as it is.
 */
@RestController
@RequestMapping("/ngsi-ld/v1/temporal")
final class TemporalController {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final TemporalOperations ops;
  private final Api api;

  TemporalController(TemporalOperations ops, Api api) {
    this.ops = ops;
    this.api = api;
  }

  /** Retrieve Temporal Evolution of an Entity (clauses 5.7.3, 6.19.3.1). */
  @GetMapping("/entities/{id}")
  ResponseEntity<byte[]> retrieve(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestParam Map<String, String> params,
      @RequestHeader(value = "Accept", required = false) String accept) {
    MediaType type = MediaTypes.negotiate(accept, false);
    NgsiLdRequest request = api.request(http);
    String entityId = Names.requireEntityId(id);
    TimeFilter filter = TemporalParameters.timeFilter(params, attrs(params, request));
    // Read, then cleared for the entity's types: a hidden type is refused (401 or 403).
    ObjectNode body =
        switch (TemporalParameters.format(params)) {
          case AGGREGATED_VALUES -> {
            AggregatedEntity entity =
                ops.retrieve()
                    .aggregated(
                        request.tenant(), entityId, filter, TemporalParameters.aggregation(params));
            yield TemporalRendering.aggregated(
                api.read(http, request, () -> Set.copyOf(entity.types()))
                    .aggregated(entity)
                    .orElseThrow(),
                request.terms());
          }
          case TEMPORAL_VALUES ->
              TemporalRendering.temporalValues(
                  visible(http, request, ops.retrieve().handle(request.tenant(), entityId, filter)),
                  request.terms(),
                  filter.property());
          case NORMALIZED ->
              TemporalRendering.normalized(
                  visible(http, request, ops.retrieve().handle(request.tenant(), entityId, filter)),
                  request.terms(),
                  TemporalParameters.sysAttrs(params));
        };
    return api.responses().json(HttpStatus.OK, body, request, type);
  }

  /** Query Temporal Evolution of Entities (clauses 5.7.4, 6.18.3.2). */
  @GetMapping("/entities")
  ResponseEntity<byte[]> query(
      HttpServletRequest http,
      @RequestParam Map<String, String> params,
      @RequestHeader(value = "Accept", required = false) String accept) {
    NgsiLdRequest request = api.request(http);
    EntityQuery query = QueryParameters.entityQuery(params, request.terms(), api.defaultPageSize());
    return queryResponse(http, request, params, query, accept);
  }

  /** Query Temporal Evolution of Entities with a Query body (clause 6.24.3.1). */
  @PostMapping("/entityOperations/query")
  ResponseEntity<byte[]> queryPost(
      HttpServletRequest http,
      @RequestParam Map<String, String> params,
      @RequestHeader(value = "Accept", required = false) String accept,
      @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    JsonNode json = request.requireBody();
    EntityQuery query =
        QueryParameters.entityQuery(json, params, request.terms(), api.defaultPageSize());
    return queryResponse(
        http, request, TemporalParameters.withTemporalQ(params, json), query, accept);
  }

  /** The page of temporal entities, with links to the next and previous page (clause 5.5.9). */
  private ResponseEntity<byte[]> queryResponse(
      HttpServletRequest http,
      NgsiLdRequest request,
      Map<String, String> params,
      EntityQuery query,
      String accept) {
    MediaType type = MediaTypes.negotiate(accept, false);
    TimeFilter filter = TemporalParameters.timeFilter(params, query.attrs());
    Visible visible = api.read(http, request, () -> Visible.named(query.type()));
    Page<ObjectNode> entities =
        switch (TemporalParameters.format(params)) {
          case AGGREGATED_VALUES -> {
            Page<AggregatedEntity> page =
                api.query(
                    visible,
                    query,
                    q ->
                        ops.query()
                            .aggregated(
                                request.tenant(),
                                q,
                                filter,
                                TemporalParameters.aggregation(params)));
            yield page.withItems(
                page.items().stream()
                    .flatMap(e -> visible.aggregated(e).stream())
                    .map(e -> TemporalRendering.aggregated(e, request.terms()))
                    .toList());
          }
          case TEMPORAL_VALUES -> {
            Page<TemporalEntity> page =
                api.query(visible, query, q -> ops.query().handle(request.tenant(), q, filter));
            yield page.withItems(
                page.items().stream()
                    .flatMap(e -> visible.temporal(e).stream())
                    .map(
                        e ->
                            TemporalRendering.temporalValues(e, request.terms(), filter.property()))
                    .toList());
          }
          case NORMALIZED -> {
            Page<TemporalEntity> page =
                api.query(visible, query, q -> ops.query().handle(request.tenant(), q, filter));
            yield page.withItems(
                page.items().stream()
                    .flatMap(e -> visible.temporal(e).stream())
                    .map(
                        e ->
                            TemporalRendering.normalized(
                                e, request.terms(), TemporalParameters.sysAttrs(params)))
                    .toList());
          }
        };
    ArrayNode array = NODES.arrayNode();
    for (ObjectNode entity : entities.items()) {
      array.add(type.equals(MediaTypes.JSON_LD) ? withContext(entity, request) : entity);
    }
    return PageLinks.add(
        api.responses().json(HttpStatus.OK, array, request, type, entities.count()),
        http,
        query.paging(),
        entities);
  }

  /** The temporal entity as the reader may see it; a hidden type is refused (401 or 403). */
  private TemporalEntity visible(
      HttpServletRequest http, NgsiLdRequest request, TemporalEntity entity) {
    return api.read(http, request, () -> Set.copyOf(entity.types())).temporal(entity).orElseThrow();
  }

  private ObjectNode withContext(ObjectNode entity, NgsiLdRequest request) {
    ObjectNode ordered = NODES.objectNode();
    ordered.set(
        "@context",
        request.context().orElseGet(() -> NODES.stringNode(api.contexts().coreContextUrl())));
    ordered.setAll(entity);
    return ordered;
  }

  /**
   * Create or Update Temporal Representation of an Entity (clauses 5.6.11, 6.18.3.1): 201 when the
   * temporal entity is new, 204 when instances were added to an existing one.
   */
  @PostMapping("/entities")
  ResponseEntity<Void> create(HttpServletRequest http, @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    api.allow(
        http,
        request,
        Operation.WRITE,
        () -> Set.copyOf(TemporalParameters.types(request.requireBody(), request.terms())));
    JsonNode json = request.requireBody();
    String id = TemporalParameters.entityId(json);
    boolean created =
        ops.createOrUpdate()
            .handle(
                request.tenant(),
                id,
                TemporalParameters.types(json, request.terms()),
                TemporalParameters.instances(json, request.terms()));
    return created
        ? ResponseEntity.created(
                URI.create("/ngsi-ld/v1/temporal/entities/" + EntitiesController.encode(id)))
            .build()
        : ResponseEntity.noContent().build();
  }

  /** Add Attributes to Temporal Representation of an Entity (clauses 5.6.12, 6.20.3.1). */
  @PostMapping("/entities/{id}/attrs")
  ResponseEntity<Void> addAttributes(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    api.allow(http, request, Operation.WRITE, api.batchTypes(request, List.of(id), List.of()));
    ops.addAttributes()
        .handle(
            request.tenant(),
            Names.requireEntityId(id),
            TemporalParameters.instances(request.requireBody(), request.terms()));
    return ResponseEntity.noContent().build();
  }

  /** Delete Temporal Representation of an Entity (clauses 5.6.13, 6.19.3.2). */
  @DeleteMapping("/entities/{id}")
  ResponseEntity<Void> delete(HttpServletRequest http, @PathVariable String id) {
    NgsiLdRequest request = api.request(http);
    api.allow(http, request, Operation.WRITE, api.batchTypes(request, List.of(id), List.of()));
    ops.delete().handle(request.tenant(), Names.requireEntityId(id));
    return ResponseEntity.noContent().build();
  }

  /** Delete Attribute from Temporal Representation of an Entity (clauses 5.6.14, 6.21.3.1). */
  @DeleteMapping("/entities/{id}/attrs/{attr}")
  ResponseEntity<Void> deleteAttribute(
      HttpServletRequest http, @PathVariable String id, @PathVariable String attr) {
    NgsiLdRequest request = api.request(http);
    api.allow(http, request, Operation.WRITE, api.batchTypes(request, List.of(id), List.of()));
    ops.deleteAttribute()
        .handle(request.tenant(), Names.requireEntityId(id), request.attributeName(attr));
    return ResponseEntity.noContent().build();
  }

  /** Modify Attribute Instance (clauses 5.6.15, 6.22.3.1). */
  @PatchMapping("/entities/{id}/attrs/{attr}/{instanceId}")
  ResponseEntity<Void> modifyInstance(
      HttpServletRequest http,
      @PathVariable String id,
      @PathVariable String attr,
      @PathVariable String instanceId,
      @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    api.allow(http, request, Operation.WRITE, api.batchTypes(request, List.of(id), List.of()));
    String name = request.attributeName(attr);
    Attribute replacement =
        TemporalParameters.instance(name, request.requireBody(), request.terms());
    ops.modifyInstance()
        .handle(
            request.tenant(),
            Names.requireEntityId(id),
            name,
            Names.requireEntityId(instanceId),
            replacement);
    return ResponseEntity.noContent().build();
  }

  /** Delete Attribute Instance (clauses 5.6.16, 6.22.3.2). */
  @DeleteMapping("/entities/{id}/attrs/{attr}/{instanceId}")
  ResponseEntity<Void> deleteInstance(
      HttpServletRequest http,
      @PathVariable String id,
      @PathVariable String attr,
      @PathVariable String instanceId) {
    NgsiLdRequest request = api.request(http);
    api.allow(http, request, Operation.WRITE, api.batchTypes(request, List.of(id), List.of()));
    ops.deleteInstance()
        .handle(
            request.tenant(),
            Names.requireEntityId(id),
            request.attributeName(attr),
            Names.requireEntityId(instanceId));
    return ResponseEntity.noContent().build();
  }

  private static Set<String> attrs(Map<String, String> params, NgsiLdRequest request) {
    return QueryParameters.param(params, "attrs")
        .map(a -> Set.copyOf(ProjectionParser.attrs(a, request.terms())))
        .orElse(Set.of());
  }
}
