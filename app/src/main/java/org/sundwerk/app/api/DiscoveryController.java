package org.sundwerk.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.app.security.Visible;
import org.sundwerk.broker.Broker;
import org.sundwerk.broker.entity.AttributeSummary;
import org.sundwerk.broker.entity.EntityOperations;
import org.sundwerk.broker.entity.TypeSummary;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Retrieve available entity types and attributes (clause 5.7.5 to 5.7.10, 6.25 to 6.28): {@code
 * /types} and {@code /attributes}, as lists or with {@code details=true}.
 */
@RestController
@RequestMapping("/ngsi-ld/v1")
final class DiscoveryController {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final EntityOperations ops;
  private final Api api;

  DiscoveryController(Broker broker, Api api) {
    this.ops = broker.entities();
    this.api = api;
  }

  @GetMapping("/types")
  ResponseEntity<byte[]> types(
      HttpServletRequest http,
      @RequestParam Map<String, String> params,
      @RequestHeader(value = "Accept", required = false) String accept) {
    MediaType type = MediaTypes.negotiate(accept, false);
    NgsiLdRequest request = api.request(http);
    Visible visible = api.read(http, request, Set::of);
    TermDictionary terms = request.terms();
    List<TypeSummary> types =
        ops.types().handle(request.tenant()).stream()
            .flatMap(summary -> visible.type(summary).stream())
            .toList();
    if (Boolean.parseBoolean(params.get("details"))) {
      ArrayNode array = NODES.arrayNode();
      for (TypeSummary summary : types) {
        ObjectNode item = array.addObject();
        item.put("id", summary.type());
        item.put("type", "EntityType");
        item.put("typeName", terms.compact(summary.type()));
        item.set("attributeNames", compacted(summary.attributeKinds().keySet(), terms));
      }
      return api.responses().json(HttpStatus.OK, array, request, type);
    }
    ObjectNode list = NODES.objectNode();
    list.put("id", "urn:ngsi-ld:EntityTypeList:" + UUID.randomUUID());
    list.put("type", "EntityTypeList");
    list.set("typeList", compacted(types.stream().map(TypeSummary::type).toList(), terms));
    return api.responses().json(HttpStatus.OK, list, request, type);
  }

  @GetMapping("/types/{type}")
  ResponseEntity<byte[]> type(
      HttpServletRequest http,
      @PathVariable("type") String typeName,
      @RequestHeader(value = "Accept", required = false) String accept) {
    MediaType type = MediaTypes.negotiate(accept, false);
    NgsiLdRequest request = api.request(http);
    TermDictionary terms = request.terms();
    String expanded = terms.expand(typeName);
    // Naming a hidden type is refused (401 or 403), as a query naming it is.
    TypeSummary summary =
        api.read(http, request, () -> Set.of(expanded))
            .type(ops.type().handle(request.tenant(), expanded))
            .orElseThrow();
    ObjectNode info = NODES.objectNode();
    info.put("id", summary.type());
    info.put("type", "EntityTypeInfo");
    info.put("typeName", terms.compact(summary.type()));
    info.put("entityCount", summary.entityCount());
    ArrayNode details = info.putArray("attributeDetails");
    summary
        .attributeKinds()
        .forEach(
            (name, kinds) -> {
              ObjectNode attribute = details.addObject();
              attribute.put("id", name);
              attribute.put("type", "Attribute");
              attribute.put("attributeName", terms.compact(name));
              attribute.set("attributeTypes", strings(kinds));
            });
    return api.responses().json(HttpStatus.OK, info, request, type);
  }

  @GetMapping("/attributes")
  ResponseEntity<byte[]> attributes(
      HttpServletRequest http,
      @RequestParam Map<String, String> params,
      @RequestHeader(value = "Accept", required = false) String accept) {
    MediaType type = MediaTypes.negotiate(accept, false);
    NgsiLdRequest request = api.request(http);
    Visible visible = api.read(http, request, Set::of);
    TermDictionary terms = request.terms();
    List<AttributeSummary> all = ops.attributes().handle(request.tenant());
    List<AttributeSummary> attributes = new ArrayList<>();
    ArrayNode array = NODES.arrayNode();
    for (AttributeSummary summary : all) {
      visible
          .attribute(summary)
          .ifPresent(
              shown -> {
                attributes.add(shown);
                array.add(attributeInfo(shown, Visible.sameTypes(summary, shown), terms));
              });
    }
    if (Boolean.parseBoolean(params.get("details"))) {
      return api.responses().json(HttpStatus.OK, array, request, type);
    }
    ObjectNode list = NODES.objectNode();
    list.put("id", "urn:ngsi-ld:AttributeList:" + UUID.randomUUID());
    list.put("type", "AttributeList");
    list.set(
        "attributeList",
        compacted(attributes.stream().map(AttributeSummary::name).toList(), terms));
    return api.responses().json(HttpStatus.OK, list, request, type);
  }

  @GetMapping("/attributes/{attr}")
  ResponseEntity<byte[]> attribute(
      HttpServletRequest http,
      @PathVariable String attr,
      @RequestHeader(value = "Accept", required = false) String accept) {
    MediaType type = MediaTypes.negotiate(accept, false);
    NgsiLdRequest request = api.request(http);
    Visible visible = api.read(http, request, Set::of);
    String name = request.terms().expand(attr);
    AttributeSummary summary = ops.attribute().handle(request.tenant(), name);
    AttributeSummary shown =
        visible
            .attribute(summary)
            // Hidden in every type: answered as if no entity had it.
            .orElseThrow(() -> NgsiLdException.notFound("No entity has the attribute " + name));
    return api.responses()
        .json(
            HttpStatus.OK,
            attributeInfo(shown, Visible.sameTypes(summary, shown), request.terms()),
            request,
            type);
  }

  /**
   * @param counted whether {@code attributeCount} may be shown: not when types the reader may not
   *     see were left out, since it counts their entities too
   */
  private static ObjectNode attributeInfo(
      AttributeSummary summary, boolean counted, TermDictionary terms) {
    ObjectNode item = NODES.objectNode();
    item.put("id", summary.name());
    item.put("type", "Attribute");
    item.put("attributeName", terms.compact(summary.name()));
    if (counted) {
      item.put("attributeCount", summary.entityCount());
    }
    item.set("attributeTypes", strings(summary.kinds()));
    item.set("typeNames", compacted(summary.types(), terms));
    return item;
  }

  private static JsonNode compacted(java.util.Collection<String> iris, TermDictionary terms) {
    ArrayNode array = NODES.arrayNode();
    iris.forEach(iri -> array.add(terms.compact(iri)));
    return array;
  }

  private static JsonNode strings(Set<String> values) {
    ArrayNode array = NODES.arrayNode();
    values.stream().sorted().forEach(array::add);
    return array;
  }
}
