package org.sundwerk.ngsild.codec;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.geo.Geo;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads NGSI-LD entities and entity fragments in normalized or concise form (clause 4.5) into the
 * model, expanding names with a term dictionary and validating as it goes. Every problem becomes a
 * BadRequestData error that names the offending attribute. Stateless and thread-safe.
 */
public final class EntityReader {

  private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);
  private static final Pattern SCOPE = Pattern.compile("/[^/\\s#+]+(/[^/\\s#+]+)*");

  private EntityReader() {}

  /** Reads a complete entity; id and type are required. */
  public static Entity readEntity(JsonNode payload, TermDictionary terms) {
    ObjectNode object = requireObject(payload, "An entity");
    String id = Names.requireEntityId(requireText(first(object, Members.ID, "@id"), "id"));
    List<String> types = readTypes(first(object, Members.TYPE, "@type"), terms);
    if (types.isEmpty()) {
      throw NgsiLdException.badRequestData("Entity " + id + " has no type");
    }
    return new Entity(
        id,
        types,
        readScopes(object.get(Members.SCOPE)),
        readAttributes(object, terms),
        null,
        null);
  }

  /**
   * Reads the attributes of an entity fragment (a PATCH or POST body on {@code /attrs}), skipping
   * id, type, scope and {@code @context}.
   */
  public static Map<String, List<Attribute>> readAttributes(
      JsonNode payload, TermDictionary terms) {
    ObjectNode object = requireObject(payload, "An entity fragment");
    Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      if (Members.ENTITY_RESERVED.contains(member.getKey())) {
        continue;
      }
      String name = terms.expand(Names.requireName(member.getKey(), "Attribute name"));
      attributes.put(name, readInstances(name, member.getValue(), terms));
    }
    return attributes;
  }

  /** Reads the types of an entity payload (a string or an array of strings), expanded. */
  public static List<String> readTypes(JsonNode node, TermDictionary terms) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<String> types = new ArrayList<>();
    for (JsonNode type : node.isArray() ? node : List.of(node)) {
      String name = requireText(type, "type");
      types.add(terms.expand(Names.requireName(name, "Entity type")));
    }
    return types;
  }

  /** Reads the scopes of an entity payload (a string or an array of strings). */
  public static List<String> readScopes(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<String> scopes = new ArrayList<>();
    for (JsonNode scope : node.isArray() ? node : List.of(node)) {
      String text = requireText(scope, "scope");
      if (!SCOPE.matcher(text).matches()) {
        throw NgsiLdException.badRequestData(
            "Scope '" + text + "' is not a path of the form /Stralsund/Altstadt");
      }
      scopes.add(text);
    }
    return scopes;
  }

  /**
   * Reads one attribute (an object, a concise value, or an array of instances with distinct
   * datasetIds) under its expanded name.
   */
  public static List<Attribute> readInstances(String name, JsonNode node, TermDictionary terms) {
    List<Attribute> instances = new ArrayList<>();
    if (node.isArray() && isArrayOfInstances((ArrayNode) node)) {
      for (JsonNode element : node) {
        instances.add(readInstance(name, element, terms));
      }
    } else {
      instances.add(readInstance(name, node, terms));
    }
    Set<String> datasetIds = new HashSet<>();
    for (Attribute instance : instances) {
      String key = instance.datasetId() == null ? "@default" : instance.datasetId();
      if (!datasetIds.add(key)) {
        throw NgsiLdException.badRequestData(
            "Attribute " + name + " has two instances with the same datasetId " + key);
      }
    }
    instances.sort((a, b) -> Boolean.compare(b.isDefaultInstance(), a.isDefaultInstance()));
    return instances;
  }

  private static boolean isArrayOfInstances(ArrayNode array) {
    if (array.isEmpty()) {
      return false;
    }
    for (JsonNode element : array) {
      if (!element.isObject() || !(element.has(Members.TYPE) || element.has("value"))) {
        return false;
      }
      String type = element.path(Members.TYPE).asString("");
      if (element.has(Members.TYPE) && AttributeKind.ofTypeName(type).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static Attribute readInstance(String name, JsonNode node, TermDictionary terms) {
    if (!node.isObject()) {
      if (node.isNull()) {
        throw NgsiLdException.badRequestData("Attribute " + name + " has the value null");
      }
      checkGeoName(name, AttributeKind.PROPERTY, node);
      requireFiniteNumbers(name, node);
      return Attribute.of(AttributeKind.PROPERTY, node);
    }
    ObjectNode object = (ObjectNode) node;
    AttributeKind kind = kindOf(name, object);
    JsonNode value =
        switch (kind) {
          case GEO_PROPERTY -> object.has("value") ? object.get("value") : conciseGeometry(object);
          case PROPERTY ->
              object.has("value") || object.has(Members.TYPE) ? object.get("value") : object;
          default -> object.get(kind.valueMember());
        };
    if (value == null || value.isNull()) {
      throw NgsiLdException.badRequestData(
          kind.typeName() + " " + name + " needs a non-null '" + kind.valueMember() + "' member");
    }
    checkGeoName(name, kind, value);
    value = validateValue(name, kind, value, terms);
    Map<String, List<Attribute>> subAttributes = new LinkedHashMap<>();
    boolean concisePlainObject = kind == AttributeKind.PROPERTY && value == object;
    if (!concisePlainObject) {
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        if (Members.ATTRIBUTE_RESERVED.contains(member.getKey())
            || (kind == AttributeKind.GEO_PROPERTY && member.getKey().equals("coordinates"))
            || member.getKey().equals(Members.CONTEXT)) {
          continue;
        }
        String subName = terms.expand(Names.requireName(member.getKey(), "Sub-attribute name"));
        subAttributes.put(subName, readInstances(subName, member.getValue(), terms));
      }
    }
    return new Attribute(
        kind,
        value,
        optionalUri(object.get(Members.DATASET_ID), name),
        optionalTime(object.get(Members.OBSERVED_AT), name + ".observedAt"),
        optionalText(object.get(Members.UNIT_CODE), name + ".unitCode"),
        null,
        null,
        subAttributes);
  }

  private static AttributeKind kindOf(String name, ObjectNode object) {
    JsonNode type = object.get(Members.TYPE);
    if (type != null && type.isString()) {
      var declared = AttributeKind.ofTypeName(type.asString());
      if (declared.isPresent()) {
        return declared.get();
      }
      if (object.has("coordinates")) {
        return AttributeKind.GEO_PROPERTY; // concise GeoJSON geometry
      }
      throw NgsiLdException.badRequestData(
          "Attribute " + name + " has the unknown type '" + type.asString() + "'");
    }
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      var implied = AttributeKind.ofValueMember(member.getKey());
      if (implied.isPresent()) {
        return implied.get() == AttributeKind.PROPERTY && Members.GEO_ATTRIBUTES.contains(name)
            ? AttributeKind.GEO_PROPERTY
            : implied.get();
      }
    }
    return AttributeKind.PROPERTY; // concise: a plain JSON object value
  }

  private static JsonNode conciseGeometry(ObjectNode object) {
    ObjectNode geometry = JsonNodeFactory.instance.objectNode();
    geometry.set(Members.TYPE, object.get(Members.TYPE));
    geometry.set("coordinates", object.get("coordinates"));
    return geometry;
  }

  private static void checkGeoName(String name, AttributeKind kind, JsonNode value) {
    if (Members.GEO_ATTRIBUTES.contains(name) && kind != AttributeKind.GEO_PROPERTY) {
      throw NgsiLdException.badRequestData(
          "Attribute " + name + " must be a GeoProperty, not a " + kind.typeName());
    }
  }

  private static JsonNode validateValue(
      String name, AttributeKind kind, JsonNode value, TermDictionary terms) {
    requireFiniteNumbers(name, value);
    switch (kind) {
      case RELATIONSHIP -> {
        for (JsonNode target : value.isArray() ? value : List.of(value)) {
          if (!target.isString() || !Names.isUri(target.asString())) {
            throw NgsiLdException.badRequestData(
                "Relationship " + name + " must point to a URI, not " + target);
          }
        }
      }
      case GEO_PROPERTY -> Geo.parse(value);
      case LANGUAGE_PROPERTY -> {
        if (!value.isObject()) {
          throw NgsiLdException.badRequestData(
              "LanguageProperty " + name + " needs a languageMap object such as {\"de\": \"...\"}");
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          if (!(entry.getValue().isString() || entry.getValue().isArray())) {
            throw NgsiLdException.badRequestData(
                "LanguageProperty " + name + " has a non-string text for " + entry.getKey());
          }
        }
      }
      case VOCAB_PROPERTY -> {
        return expandVocab(name, value, terms);
      }
      case LIST_PROPERTY, LIST_RELATIONSHIP -> {
        if (!value.isArray()) {
          throw NgsiLdException.badRequestData(
              kind.typeName() + " " + name + " needs an array in " + kind.valueMember());
        }
      }
      case PROPERTY, JSON_PROPERTY -> {}
    }
    return value;
  }

  /**
   * Rejects numbers that have no finite double value ({@code 1e400}, a 400-digit integer): JSON
   * allows them, but they would be stored as "Infinity" or fail where numbers are compared,
   * aggregated or indexed as doubles.
   */
  private static void requireFiniteNumbers(String name, JsonNode value) {
    if (value.isContainer()) {
      for (JsonNode element : value) {
        requireFiniteNumbers(name, element);
      }
    } else if (value.isNumber() && !isFinite(value)) {
      throw NgsiLdException.badRequestData(
          "Attribute "
              + name
              + " holds a number beyond the range of a double (about ±1.8e308): "
              + Names.shown(value.toString()));
    }
  }

  private static boolean isFinite(JsonNode number) {
    if (number.isBigInteger() || number.isBigDecimal()) {
      return number.decimalValue().abs().compareTo(MAX_DOUBLE) <= 0;
    }
    return Double.isFinite(number.doubleValue());
  }

  private static JsonNode expandVocab(String name, JsonNode value, TermDictionary terms) {
    if (value.isString()) {
      return JsonNodeFactory.instance.stringNode(terms.expand(value.asString()));
    }
    if (value.isArray()) {
      ArrayNode expanded = JsonNodeFactory.instance.arrayNode();
      for (JsonNode element : value) {
        if (!element.isString()) {
          throw NgsiLdException.badRequestData("VocabProperty " + name + " holds a non-string");
        }
        expanded.add(terms.expand(element.asString()));
      }
      return expanded;
    }
    throw NgsiLdException.badRequestData("VocabProperty " + name + " needs a string or strings");
  }

  static Instant optionalTime(JsonNode node, String what) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw NgsiLdException.badRequestData(what + " must be an ISO 8601 date-time string");
    }
    return parseTime(node.asString(), what);
  }

  /** Parses an ISO 8601 date-time with offset (e.g. 2026-07-01T12:00:00Z). */
  public static Instant parseTime(String text, String what) {
    try {
      return Times.parse(text);
    } catch (DateTimeParseException e) {
      throw NgsiLdException.badRequestData(
          what
              + " '"
              + Names.shown(text)
              + "' is not an ISO 8601 date-time in the years 0000 to 9999, such as"
              + " 2026-07-01T12:00:00Z");
    }
  }

  private static String optionalUri(JsonNode node, String attribute) {
    if (node == null || node.isNull()) {
      return null;
    }
    String text = requireText(node, attribute + ".datasetId");
    if (!Names.isUri(text)) {
      throw NgsiLdException.badRequestData(
          "datasetId of " + attribute + " must be a URI, not '" + text + "'");
    }
    return text;
  }

  private static String optionalText(JsonNode node, String what) {
    return node == null || node.isNull() ? null : requireText(node, what);
  }

  private static JsonNode first(ObjectNode object, String name, String alias) {
    JsonNode node = object.get(name);
    return node != null ? node : object.get(alias);
  }

  private static String requireText(JsonNode node, String what) {
    if (node == null || !node.isString()) {
      throw NgsiLdException.badRequestData((node == null ? "Missing " : "Not a string: ") + what);
    }
    return node.asString();
  }

  static ObjectNode requireObject(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw NgsiLdException.badRequestData(what + " must be a JSON object");
    }
    return (ObjectNode) node;
  }
}
