package org.sundwerk.ngsild.codec;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes entities in the representations of clause 4.5, compacting names with the caller's term
 * dictionary. The JSON values of the model are shared, not copied: callers serialise the result and
 * must not mutate it. Stateless and thread-safe.
 */
public final class EntityWriter {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private EntityWriter() {}

  public static ObjectNode write(Entity entity, TermDictionary terms, Representation rep) {
    ObjectNode out = JSON.objectNode();
    if (rep.keeps(Members.ID)) {
      out.put(Members.ID, entity.id());
    }
    if (rep.keeps(Members.TYPE)) {
      out.set(Members.TYPE, types(entity.types(), terms));
    }
    if (!entity.scopes().isEmpty()) {
      out.set(Members.SCOPE, oneOrMany(entity.scopes()));
    }
    if (rep.sysAttrs() && rep.format() != Representation.Format.SIMPLIFIED) {
      putTime(out, Members.CREATED_AT, entity.createdAt());
      putTime(out, Members.MODIFIED_AT, entity.modifiedAt());
    }
    for (Map.Entry<String, List<Attribute>> attribute : entity.attributes().entrySet()) {
      if (rep.keeps(attribute.getKey())) {
        out.set(terms.compact(attribute.getKey()), attribute(attribute.getValue(), terms, rep));
      }
    }
    return out;
  }

  /** One attribute with all its instances, as it appears under its name. */
  public static JsonNode attribute(
      List<Attribute> instances, TermDictionary terms, Representation rep) {
    if (instances.size() == 1) {
      return instance(instances.getFirst(), terms, rep);
    }
    ArrayNode array = JSON.arrayNode();
    for (Attribute instance : instances) {
      array.add(instance(instance, terms, rep));
    }
    return array;
  }

  /**
   * An entity as a GeoJSON Feature (clause 4.5.16): the geometry is the value of the chosen
   * GeoProperty (expanded name) or null, everything else goes into {@code properties}.
   */
  public static ObjectNode feature(
      Entity entity, TermDictionary terms, Representation rep, String geometryProperty) {
    ObjectNode feature = JSON.objectNode();
    feature.put(Members.ID, entity.id());
    feature.put(Members.TYPE, "Feature");
    JsonNode geometry =
        entity
            .defaultInstance(geometryProperty)
            .filter(a -> a.kind() == AttributeKind.GEO_PROPERTY)
            .map(Attribute::value)
            .orElse(JSON.nullNode());
    feature.set("geometry", geometry);
    ObjectNode properties = write(entity, terms, rep);
    properties.remove(Members.ID);
    feature.set("properties", properties);
    return feature;
  }

  private static JsonNode instance(Attribute attribute, TermDictionary terms, Representation rep) {
    return switch (rep.format()) {
      case SIMPLIFIED -> simpleValue(attribute, terms, rep.lang());
      case NORMALIZED -> normalized(attribute, terms, rep, false);
      case CONCISE -> concise(attribute, terms, rep);
    };
  }

  private static ObjectNode normalized(
      Attribute attribute, TermDictionary terms, Representation rep, boolean concise) {
    ObjectNode out = JSON.objectNode();
    AttributeKind kind = attribute.kind();
    Optional<String> lang = rep.lang();
    if (kind == AttributeKind.LANGUAGE_PROPERTY && lang.isPresent()) {
      // With lang, a LanguageProperty is rendered as a Property holding the chosen string.
      Map.Entry<String, JsonNode> chosen = pickLanguage(attribute.value(), lang.get());
      if (!concise) {
        out.put(Members.TYPE, AttributeKind.PROPERTY.typeName());
      }
      out.set("value", chosen.getValue());
      out.put(Members.LANG, chosen.getKey());
    } else {
      if (!concise) {
        out.put(Members.TYPE, kind.typeName());
      }
      out.set(kind.valueMember(), mainValue(attribute, terms));
    }
    if (attribute.datasetId() != null) {
      out.put(Members.DATASET_ID, attribute.datasetId());
    }
    putTime(out, Members.OBSERVED_AT, attribute.observedAt());
    if (attribute.unitCode() != null) {
      out.put(Members.UNIT_CODE, attribute.unitCode());
    }
    if (rep.sysAttrs()) {
      putTime(out, Members.CREATED_AT, attribute.createdAt());
      putTime(out, Members.MODIFIED_AT, attribute.modifiedAt());
    }
    Representation inner = rep.withPick(java.util.Set.of()).withOmit(java.util.Set.of());
    for (Map.Entry<String, List<Attribute>> sub : attribute.subAttributes().entrySet()) {
      out.set(terms.compact(sub.getKey()), attribute(sub.getValue(), terms, inner));
    }
    return out;
  }

  /**
   * Concise form (clause 4.5.2.2): no {@code type} members; a Property or GeoProperty without any
   * metadata collapses to its bare value.
   */
  private static JsonNode concise(Attribute attribute, TermDictionary terms, Representation rep) {
    boolean bare =
        attribute.subAttributes().isEmpty()
            && attribute.datasetId() == null
            && attribute.observedAt() == null
            && attribute.unitCode() == null
            && !rep.sysAttrs();
    if (bare && attribute.kind() == AttributeKind.GEO_PROPERTY) {
      return attribute.value();
    }
    if (bare && attribute.kind() == AttributeKind.PROPERTY && !attribute.value().isObject()) {
      return attribute.value();
    }
    return normalized(attribute, terms, rep, true);
  }

  private static JsonNode simpleValue(
      Attribute attribute, TermDictionary terms, Optional<String> lang) {
    if (attribute.kind() == AttributeKind.LANGUAGE_PROPERTY) {
      if (lang.isPresent()) {
        return pickLanguage(attribute.value(), lang.get()).getValue();
      }
      ObjectNode map = JSON.objectNode();
      map.set("languageMap", attribute.value());
      return map;
    }
    return mainValue(attribute, terms);
  }

  private static JsonNode mainValue(Attribute attribute, TermDictionary terms) {
    JsonNode value = attribute.value();
    if (attribute.kind() != AttributeKind.VOCAB_PROPERTY) {
      return value;
    }
    if (value.isString()) {
      return JSON.stringNode(terms.compact(value.asString()));
    }
    ArrayNode compacted = JSON.arrayNode();
    value.forEach(v -> compacted.add(terms.compact(v.asString())));
    return compacted;
  }

  /**
   * Picks the best language from a comma-separated list of tags (with optional {@code ;q=} weights
   * ignored, {@code *} for any), falling back to the first entry of the map.
   */
  static Map.Entry<String, JsonNode> pickLanguage(JsonNode languageMap, String tags) {
    for (String raw : tags.split(",")) {
      String tag = raw.split(";")[0].trim();
      if (tag.equals("*")) {
        break;
      }
      if (languageMap.has(tag)) {
        return Map.entry(tag, languageMap.get(tag));
      }
    }
    for (Map.Entry<String, JsonNode> entry : languageMap.properties()) {
      return entry;
    }
    return Map.entry("", JSON.stringNode(""));
  }

  private static JsonNode types(List<String> types, TermDictionary terms) {
    if (types.size() == 1) {
      return JSON.stringNode(terms.compact(types.getFirst()));
    }
    ArrayNode array = JSON.arrayNode();
    types.forEach(t -> array.add(terms.compact(t)));
    return array;
  }

  private static JsonNode oneOrMany(List<String> values) {
    if (values.size() == 1) {
      return JSON.stringNode(values.getFirst());
    }
    ArrayNode array = JSON.arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static void putTime(ObjectNode out, String member, Instant time) {
    if (time != null) {
      out.put(member, Times.format(time));
    }
  }
}
