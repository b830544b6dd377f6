package org.sundwerk.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;
import org.sundwerk.access.Operation;
import org.sundwerk.app.security.Visible;
import org.sundwerk.broker.Broker;
import org.sundwerk.broker.entity.EntityOperations;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.entity.UpdateResult;
import org.sundwerk.broker.paging.Page;
import org.sundwerk.ngsild.codec.EntityReader;
import org.sundwerk.ngsild.codec.Names;
import org.sundwerk.ngsild.codec.Representation;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.ngsild.query.GeoQuery;
import tools.jackson.databind.JsonNode;

/** Entities and their attributes (clause 6.4 to 6.7): {@code /ngsi-ld/v1/entities/...}. */
@RestController
@RequestMapping("/ngsi-ld/v1/entities")
final class EntitiesController {

  private final EntityOperations ops;
  private final Api api;

  EntitiesController(Broker broker, Api api) {
    this.ops = broker.entities();
    this.api = api;
  }

  @GetMapping
  ResponseEntity<byte[]> query(
      HttpServletRequest http,
      @RequestParam Map<String, String> params,
      @RequestHeader(value = "Accept", required = false) String accept) {
    MediaType type = MediaTypes.negotiate(accept, true);
    NgsiLdRequest request = api.request(http);
    EntityQuery query = QueryParameters.entityQuery(params, request.terms(), api.defaultPageSize());
    Visible visible = api.read(http, request, () -> Visible.named(query.type()));
    Page<Entity> page = api.query(visible, query, q -> ops.query().handle(request.tenant(), q));
    Representation rep = QueryParameters.representation(params, request.terms());
    return PageLinks.add(
        api.responses()
            .entities(
                visible.entities(page.items()),
                page.count(),
                request,
                rep,
                type,
                geometryProperty(params, request)),
        http,
        query.paging(),
        page);
  }

  @PostMapping
  ResponseEntity<byte[]> create(
      HttpServletRequest http, @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    Entity entity = EntityReader.readEntity(request.requireBody(), request.terms());
    api.allow(http, request, Operation.WRITE, () -> Set.copyOf(entity.types()));
    ops.create().handle(request.tenant(), entity);
    return ResponseEntity.created(URI.create("/ngsi-ld/v1/entities/" + encode(entity.id())))
        .build();
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> retrieve(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestParam Map<String, String> params,
      @RequestHeader(value = "Accept", required = false) String accept) {
    MediaType type = MediaTypes.negotiate(accept, true);
    NgsiLdRequest request = api.request(http);
    Entity stored = ops.retrieve().handle(request.tenant(), Names.requireEntityId(id));
    // A hidden type is refused here (401 or 403, as for a query naming it), so that is never empty.
    Entity entity =
        api.read(http, request, () -> Set.copyOf(stored.types())).entity(stored).orElseThrow();
    Representation rep = QueryParameters.representation(params, request.terms());
    return api.responses().entity(entity, request, rep, type, geometryProperty(params, request));
  }

  @PutMapping("/{id}")
  ResponseEntity<Void> replace(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    Entity entity = readWithId(request, id);
    api.allow(
        http, request, Operation.WRITE, () -> union(entity.types(), api.storedTypes(request, id)));
    ops.replace().handle(request.tenant(), entity);
    return ResponseEntity.noContent().build();
  }

  @PatchMapping("/{id}")
  ResponseEntity<Void> merge(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, true);
    JsonFragment fragment = JsonFragment.of(request.requireBody(), id);
    Entity entity =
        new Entity(
            Names.requireEntityId(id),
            EntityReader.readTypes(fragment.types(), request.terms()),
            EntityReader.readScopes(fragment.scopes()),
            EntityReader.readAttributes(request.requireBody(), request.terms()),
            null,
            null);
    api.allow(http, request, Operation.WRITE, api.storedTypes(request, id));
    ops.merge().handle(request.tenant(), entity);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(HttpServletRequest http, @PathVariable String id) {
    NgsiLdRequest request = api.request(http);
    api.allow(http, request, Operation.WRITE, api.storedTypes(request, id));
    ops.delete().handle(request.tenant(), Names.requireEntityId(id));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/attrs")
  ResponseEntity<byte[]> append(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestParam Map<String, String> params,
      @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    Map<String, List<Attribute>> attributes =
        EntityReader.readAttributes(request.requireBody(), request.terms());
    api.allow(http, request, Operation.WRITE, api.storedTypes(request, id));
    UpdateResult result =
        ops.append()
            .handle(
                request.tenant(),
                Names.requireEntityId(id),
                attributes,
                QueryParameters.hasOption(params, "noOverwrite"));
    return updateResponse(result, request);
  }

  @PatchMapping("/{id}/attrs")
  ResponseEntity<byte[]> update(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    Map<String, List<Attribute>> attributes =
        EntityReader.readAttributes(request.requireBody(), request.terms());
    api.allow(http, request, Operation.WRITE, api.storedTypes(request, id));
    UpdateResult result =
        ops.update().handle(request.tenant(), Names.requireEntityId(id), attributes);
    return updateResponse(result, request);
  }

  @PatchMapping("/{id}/attrs/{attr}")
  ResponseEntity<Void> partialUpdate(
      HttpServletRequest http,
      @PathVariable String id,
      @PathVariable String attr,
      @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, true);
    String name = request.attributeName(attr);
    Attribute patch = singleInstance(name, request);
    api.allow(http, request, Operation.WRITE, api.storedTypes(request, id));
    ops.partialAttributeUpdate().handle(request.tenant(), Names.requireEntityId(id), name, patch);
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/{id}/attrs/{attr}")
  ResponseEntity<Void> replaceAttribute(
      HttpServletRequest http,
      @PathVariable String id,
      @PathVariable String attr,
      @RequestBody(required = false) byte[] body) {
    NgsiLdRequest request = api.request(http, body, false);
    String name = request.attributeName(attr);
    Attribute replacement = singleInstance(name, request);
    api.allow(http, request, Operation.WRITE, api.storedTypes(request, id));
    ops.replaceAttribute().handle(request.tenant(), Names.requireEntityId(id), name, replacement);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{id}/attrs/{attr}")
  ResponseEntity<Void> deleteAttribute(
      HttpServletRequest http,
      @PathVariable String id,
      @PathVariable String attr,
      @RequestParam Map<String, String> params) {
    NgsiLdRequest request = api.request(http);
    String name = request.attributeName(attr);
    Optional<String> datasetId = QueryParameters.param(params, "datasetId");
    datasetId.ifPresent(Names::requireEntityId);
    boolean deleteAll = Boolean.parseBoolean(params.getOrDefault("deleteAll", "false"));
    api.allow(http, request, Operation.WRITE, api.storedTypes(request, id));
    ops.deleteAttribute()
        .handle(request.tenant(), Names.requireEntityId(id), name, datasetId, deleteAll);
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<byte[]> updateResponse(UpdateResult result, NgsiLdRequest request) {
    if (result.complete()) {
      return ResponseEntity.noContent().build();
    }
    return api.responses()
        .plain(HttpStatus.MULTI_STATUS, Api.updateResult(result, request.terms()));
  }

  /**
   * The one instance a PATCH or PUT of {@code /attrs/{attr}} sends. An empty object is refused: it
   * names no member to change (clause 5.6.4 changes the members the fragment carries), and reading
   * it as a concise value would silently replace the value with {@code {}}.
   */
  private static Attribute singleInstance(String name, NgsiLdRequest request) {
    JsonNode body = request.requireBody();
    if (body.isObject() && body.isEmpty()) {
      throw NgsiLdException.badRequestData(
          "The attribute fragment for "
              + name
              + " is empty; send the members to change, such as value, object or observedAt");
    }
    List<Attribute> instances =
        EntityReader.readInstances(name, request.requireBody(), request.terms());
    if (instances.size() != 1) {
      throw NgsiLdException.badRequestData("Send exactly one instance of attribute " + name);
    }
    return instances.getFirst();
  }

  private static Entity readWithId(NgsiLdRequest request, String id) {
    JsonFragment.of(request.requireBody(), id);
    var body = (tools.jackson.databind.node.ObjectNode) request.requireBody().deepCopy();
    body.put("id", Names.requireEntityId(id));
    return EntityReader.readEntity(body, request.terms());
  }

  private static String geometryProperty(Map<String, String> params, NgsiLdRequest request) {
    return QueryParameters.param(params, "geometryProperty")
        .map(request.terms()::expand)
        .orElse(GeoQuery.LOCATION);
  }

  /** The types a replacement names and the types the stored entity has: a PUT changes both. */
  private static Set<String> union(List<String> named, Supplier<Set<String>> stored) {
    Set<String> all = new HashSet<>(named);
    all.addAll(stored.get());
    return all;
  }

  static String encode(String id) {
    return UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
  }
}
