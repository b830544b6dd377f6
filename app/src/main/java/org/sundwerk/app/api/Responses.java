package org.sundwerk.app.api;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.sundwerk.ngsild.codec.EntityWriter;
import org.sundwerk.ngsild.codec.Representation;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders API responses: compacts with the caller's context, puts that context in a Link header
 * ({@code application/json}) or in the body ({@code application/ld+json}), and serialises once to
 * bytes.
 */
@Component
final class Responses {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectMapper json;
  private final Contexts contexts;

  Responses(ObjectMapper json, Contexts contexts) {
    this.json = json;
    this.contexts = contexts;
  }

  ResponseEntity<byte[]> entity(
      Entity entity,
      NgsiLdRequest request,
      Representation representation,
      MediaType type,
      String geometryProperty) {
    JsonNode body =
        type.equals(MediaTypes.GEO_JSON)
            ? withContext(
                EntityWriter.feature(entity, request.terms(), representation, geometryProperty),
                request,
                type)
            : withContext(
                EntityWriter.write(entity, request.terms(), representation), request, type);
    return send(HttpStatus.OK, body, request, type, OptionalLong.empty());
  }

  ResponseEntity<byte[]> entities(
      List<Entity> entities,
      OptionalLong count,
      NgsiLdRequest request,
      Representation representation,
      MediaType type,
      String geometryProperty) {
    JsonNode body;
    if (type.equals(MediaTypes.GEO_JSON)) {
      ObjectNode collection = NODES.objectNode();
      collection.put("type", "FeatureCollection");
      ArrayNode features = collection.putArray("features");
      for (Entity entity : entities) {
        features.add(
            EntityWriter.feature(entity, request.terms(), representation, geometryProperty));
      }
      body = withContext(collection, request, type);
    } else {
      ArrayNode array = NODES.arrayNode();
      for (Entity entity : entities) {
        array.add(
            withContext(
                EntityWriter.write(entity, request.terms(), representation), request, type));
      }
      body = array;
    }
    return send(HttpStatus.OK, body, request, type, count);
  }

  /** A body that is not an entity (types, attributes, results), compacted by the caller. */
  ResponseEntity<byte[]> json(
      HttpStatus status, JsonNode body, NgsiLdRequest request, MediaType type) {
    return json(status, body, request, type, OptionalLong.empty());
  }

  /** The same, with the total number of matches of a query ({@code NGSILD-Results-Count}). */
  ResponseEntity<byte[]> json(
      HttpStatus status, JsonNode body, NgsiLdRequest request, MediaType type, OptionalLong count) {
    JsonNode withContext = body.isObject() ? withContext((ObjectNode) body, request, type) : body;
    return send(status, withContext, request, type, count);
  }

  /** A plain JSON body such as a batch result, without context handling. */
  ResponseEntity<byte[]> plain(HttpStatus status, JsonNode body) {
    return ResponseEntity.status(status)
        .contentType(MediaTypes.JSON)
        .body(json.writeValueAsBytes(body));
  }

  private ObjectNode withContext(ObjectNode body, NgsiLdRequest request, MediaType type) {
    if (!type.equals(MediaTypes.JSON_LD)) {
      return body;
    }
    // @context first, as JSON-LD readers expect.
    ObjectNode ordered = NODES.objectNode();
    ordered.set("@context", contextOf(request));
    ordered.setAll(body);
    return ordered;
  }

  private JsonNode contextOf(NgsiLdRequest request) {
    return request.context().orElseGet(() -> NODES.stringNode(contexts.coreContextUrl()));
  }

  private ResponseEntity<byte[]> send(
      HttpStatus status, JsonNode body, NgsiLdRequest request, MediaType type, OptionalLong count) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    if (!type.equals(MediaTypes.JSON_LD)) {
      linkUrl(request)
          .ifPresent(
              url ->
                  headers.add(
                      HttpHeaders.LINK,
                      "<"
                          + url
                          + ">; rel=\""
                          + NgsiLdRequest.LINK_REL
                          + "\"; type=\"application/ld+json\""));
    }
    count.ifPresent(n -> headers.add("NGSILD-Results-Count", Long.toString(n)));
    if (!request.tenant().isEmpty()) {
      headers.add("NGSILD-Tenant", request.tenant());
    }
    return new ResponseEntity<>(json.writeValueAsBytes(body), headers, status);
  }

  /** The URL for the Link header: the caller's context if it was one URL, else the core one. */
  private Optional<String> linkUrl(NgsiLdRequest request) {
    JsonNode context = request.context().orElse(null);
    if (context == null) {
      return Optional.of(contexts.coreContextUrl());
    }
    return context.isString() ? Optional.of(context.asString()) : Optional.empty();
  }
}
