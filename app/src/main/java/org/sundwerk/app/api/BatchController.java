package org.sundwerk.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.access.Operation;
import org.sundwerk.app.security.Visible;
import org.sundwerk.broker.Broker;
import org.sundwerk.broker.entity.BatchResult;
import org.sundwerk.broker.entity.EntityOperations;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.ngsild.codec.EntityReader;
import org.sundwerk.ngsild.codec.Names;
import org.sundwerk.ngsild.codec.Representation;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.ngsild.query.GeoQuery;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Batch operations and POST query (clause 6.14 to 6.18, 6.23): {@code /entityOperations/...}. */
@RestController
@RequestMapping("/ngsi-ld/v1/entityOperations")
final class BatchController {

  private final EntityOperations ops;
  private final Api api;

  BatchController(Broker broker, Api api) {
    this.ops = broker.entities();
    this.api = api;
  }

  @PostMapping("/create")
  ResponseEntity<byte[]> create(
      HttpServletRequest http, @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    Parsed parsed = entities(request, true);
    api.allow(http, request, Operation.WRITE, typesOf(request, parsed));
    BatchResult result =
        ops.batchCreate().handle(request.tenant(), parsed.entities()).withErrors(parsed.errors());
    return result.errors().isEmpty() ? ids(HttpStatus.CREATED, result.success()) : partial(result);
  }

  @PostMapping("/upsert")
  ResponseEntity<byte[]> upsert(
      HttpServletRequest http,
      @RequestParam Map<String, String> params,
      @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    Parsed parsed = entities(request, true);
    boolean replace = !QueryParameters.hasOption(params, "update");
    api.allow(http, request, Operation.WRITE, typesOf(request, parsed));
    BatchResult result =
        ops.batchUpsert()
            .handle(request.tenant(), parsed.entities(), replace)
            .withErrors(parsed.errors());
    if (!result.errors().isEmpty()) {
      return partial(result);
    }
    return result.created().isEmpty()
        ? ResponseEntity.noContent().build()
        : ids(HttpStatus.CREATED, result.created());
  }

  @PostMapping("/update")
  ResponseEntity<byte[]> update(
      HttpServletRequest http,
      @RequestParam Map<String, String> params,
      @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    Parsed parsed = entities(request, false);
    boolean noOverwrite = QueryParameters.hasOption(params, "noOverwrite");
    api.allow(http, request, Operation.WRITE, typesOf(request, parsed));
    BatchResult result =
        ops.batchUpdate()
            .handle(request.tenant(), parsed.entities(), noOverwrite)
            .withErrors(parsed.errors());
    return noContentOrPartial(result);
  }

  @PostMapping("/merge")
  ResponseEntity<byte[]> merge(
      HttpServletRequest http, @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    Parsed parsed = entities(request, false);
    api.allow(http, request, Operation.WRITE, typesOf(request, parsed));
    BatchResult result =
        ops.batchMerge().handle(request.tenant(), parsed.entities()).withErrors(parsed.errors());
    return noContentOrPartial(result);
  }

  @PostMapping("/delete")
  ResponseEntity<byte[]> delete(
      HttpServletRequest http, @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    List<String> ids = new ArrayList<>();
    List<BatchResult.BatchError> errors = new ArrayList<>();
    for (JsonNode element : array(request.requireBody())) {
      String id = element.isString() ? element.asString() : element.toString();
      if (element.isString() && Names.isUri(id)) {
        ids.add(id);
      } else {
        errors.add(
            new BatchResult.BatchError(
                id, NgsiLdException.badRequestData("Not an entity id: " + id)));
      }
    }
    api.allow(http, request, Operation.WRITE, api.batchTypes(request, ids, List.of()));
    return noContentOrPartial(ops.batchDelete().handle(request.tenant(), ids).withErrors(errors));
  }

  @PostMapping("/query")
  ResponseEntity<byte[]> query(
      HttpServletRequest http,
      @RequestParam Map<String, String> params,
      @RequestHeader(value = "Accept", required = false) String accept,
      @RequestBody(required = false) byte[] body) {
    MediaType type = MediaTypes.negotiate(accept, true);
    NgsiLdRequest request = api.request(http, body, false);
    JsonNode query = request.requireBody();
    EntityQuery entityQuery =
        QueryParameters.entityQuery(query, params, request.terms(), api.defaultPageSize());
    Visible visible = api.read(http, request, () -> Visible.named(entityQuery.type()));
    Page<Entity> result =
        api.query(visible, entityQuery, q -> ops.query().handle(request.tenant(), q));
    Representation rep =
        QueryParameters.keepingAttrs(
            QueryParameters.representation(params, request.terms()), entityQuery.attrs());
    if (query.has("lang")) {
      rep = rep.withLang(Optional.of(query.get("lang").asString()));
    }
    // The links repeat the URL (where the paging is) for a POST with the same body.
    return PageLinks.add(
        api.responses()
            .entities(
                visible.entities(result.items()),
                result.count(),
                request,
                rep,
                type,
                GeoQuery.LOCATION),
        http,
        entityQuery.paging(),
        result);
  }

  private Supplier<Set<String>> typesOf(NgsiLdRequest request, Parsed parsed) {
    return api.batchTypes(
        request, parsed.entities().stream().map(Entity::id).toList(), parsed.entities());
  }

  /** Entities read one by one, so that one bad entity fails alone (clause 5.6.7). */
  private record Parsed(List<Entity> entities, List<BatchResult.BatchError> errors) {}

  private Parsed entities(NgsiLdRequest request, boolean complete) {
    List<Entity> entities = new ArrayList<>();
    List<BatchResult.BatchError> errors = new ArrayList<>();
    for (JsonNode element : array(request.requireBody())) {
      try {
        TermDictionary terms =
            element.has("@context")
                ? api.contexts().dictionary(Optional.of(element.get("@context")))
                : request.terms();
        entities.add(complete ? EntityReader.readEntity(element, terms) : fragment(element, terms));
      } catch (NgsiLdException e) {
        errors.add(new BatchResult.BatchError(element.path("id").asString(""), e));
      }
    }
    return new Parsed(entities, errors);
  }

  private static Entity fragment(JsonNode element, TermDictionary terms) {
    String id = Names.requireEntityId(element.path("id").asString(""));
    return new Entity(
        id,
        EntityReader.readTypes(element.get("type"), terms),
        EntityReader.readScopes(element.get("scope")),
        EntityReader.readAttributes(element, terms),
        null,
        null);
  }

  private static JsonNode array(JsonNode body) {
    if (!body.isArray()) {
      throw NgsiLdException.badRequestData("A batch body must be a JSON array");
    }
    return body;
  }

  private ResponseEntity<byte[]> noContentOrPartial(BatchResult result) {
    return result.errors().isEmpty() ? ResponseEntity.noContent().build() : partial(result);
  }

  private ResponseEntity<byte[]> partial(BatchResult result) {
    return api.responses().plain(HttpStatus.MULTI_STATUS, Api.batchResult(result));
  }

  private ResponseEntity<byte[]> ids(HttpStatus status, List<String> ids) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    ids.forEach(array::add);
    return api.responses().plain(status, array);
  }
}
