package org.sundwerk.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sundwerk.ngsild.codec.Times;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storage format of an entity: JSON text in NGSI-LD normalized form with expanded names.
 *
 * <p>Every attribute and sub-attribute is an array of instances, the default instance first, so a
 * SQL path such as {@code $."<iri>"[0].value} always reads the default instance. Core members keep
 * their short NGSI-LD names ({@code id}, {@code type}, {@code scope}, {@code value}, {@code
 * object}, ...): attribute names are IRIs and cannot collide with them. {@code type} and {@code
 * scope} are always arrays. Times are ISO-8601 UTC with exactly three fraction digits, so they
 * compare correctly as strings; finer precision is truncated to milliseconds.
 *
 * <p>Thread-safe and allocation-light: one shared mapper, streaming output.
 */
public final class StoredEntityCodec {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final Set<String> ENTITY_MEMBERS =
      Set.of("id", "type", "scope", "createdAt", "modifiedAt");
  private static final Set<String> INSTANCE_MEMBERS =
      Set.of("type", "datasetId", "observedAt", "unitCode", "createdAt", "modifiedAt");

  private StoredEntityCodec() {}

  /** The fixed-width UTC text of a stored time, e.g. {@code 2024-05-01T08:00:00.000Z}. */
  public static String format(Instant instant) {
    return Times.format(instant);
  }

  public static String encode(Entity entity) {
    var out = new java.io.StringWriter(256);
    try (JsonGenerator gen = MAPPER.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringProperty("id", entity.id());
      writeStrings(gen, "type", entity.types());
      if (!entity.scopes().isEmpty()) {
        writeStrings(gen, "scope", entity.scopes());
      }
      writeTime(gen, "createdAt", entity.createdAt());
      writeTime(gen, "modifiedAt", entity.modifiedAt());
      writeAttributes(gen, entity.attributes());
      gen.writeEndObject();
    }
    return out.toString();
  }

  public static Entity decode(String json) {
    JsonNode doc = MAPPER.readTree(json);
    List<String> types = strings(doc.get("type"));
    List<String> scopes = strings(doc.get("scope"));
    Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : doc.properties()) {
      if (!ENTITY_MEMBERS.contains(member.getKey())) {
        attributes.put(member.getKey(), instances(member.getValue()));
      }
    }
    return new Entity(
        doc.get("id").asString(),
        types,
        scopes,
        attributes,
        time(doc.get("createdAt")),
        time(doc.get("modifiedAt")));
  }

  private static void writeAttributes(JsonGenerator gen, Map<String, List<Attribute>> attributes) {
    for (Map.Entry<String, List<Attribute>> attribute : attributes.entrySet()) {
      gen.writeName(attribute.getKey());
      gen.writeStartArray();
      for (Attribute instance : defaultFirst(attribute.getValue())) {
        writeInstance(gen, instance);
      }
      gen.writeEndArray();
    }
  }

  private static void writeInstance(JsonGenerator gen, Attribute instance) {
    gen.writeStartObject();
    gen.writeStringProperty("type", instance.kind().typeName());
    gen.writeName(instance.kind().valueMember());
    gen.writeTree(instance.value());
    if (instance.datasetId() != null) {
      gen.writeStringProperty("datasetId", instance.datasetId());
    }
    writeTime(gen, "observedAt", instance.observedAt());
    if (instance.unitCode() != null) {
      gen.writeStringProperty("unitCode", instance.unitCode());
    }
    writeTime(gen, "createdAt", instance.createdAt());
    writeTime(gen, "modifiedAt", instance.modifiedAt());
    writeAttributes(gen, instance.subAttributes());
    gen.writeEndObject();
  }

  private static List<Attribute> defaultFirst(List<Attribute> instances) {
    if (instances.isEmpty() || instances.getFirst().isDefaultInstance()) {
      return instances;
    }
    List<Attribute> ordered = new ArrayList<>(instances.size());
    instances.stream().filter(Attribute::isDefaultInstance).forEach(ordered::add);
    instances.stream().filter(a -> !a.isDefaultInstance()).forEach(ordered::add);
    return ordered;
  }

  private static List<Attribute> instances(JsonNode array) {
    List<Attribute> instances = new ArrayList<>(array.size());
    for (JsonNode node : array) {
      instances.add(instance(node));
    }
    return instances;
  }

  private static Attribute instance(JsonNode node) {
    String typeName = node.get("type").asString();
    AttributeKind kind =
        AttributeKind.ofTypeName(typeName)
            .orElseThrow(() -> new IllegalStateException("stored attribute type " + typeName));
    Map<String, List<Attribute>> subs = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String name = member.getKey();
      if (!INSTANCE_MEMBERS.contains(name) && !name.equals(kind.valueMember())) {
        subs.put(name, instances(member.getValue()));
      }
    }
    return new Attribute(
        kind,
        node.get(kind.valueMember()),
        text(node.get("datasetId")),
        time(node.get("observedAt")),
        text(node.get("unitCode")),
        time(node.get("createdAt")),
        time(node.get("modifiedAt")),
        subs.isEmpty() ? Map.of() : subs);
  }

  private static void writeStrings(JsonGenerator gen, String name, List<String> values) {
    gen.writeName(name);
    gen.writeStartArray();
    for (String value : values) {
      gen.writeString(value);
    }
    gen.writeEndArray();
  }

  private static void writeTime(JsonGenerator gen, String name, Instant time) {
    if (time != null) {
      gen.writeStringProperty(name, format(time));
    }
  }

  private static List<String> strings(JsonNode array) {
    if (array == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>(array.size());
    for (JsonNode node : array) {
      values.add(node.asString());
    }
    return values;
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.asString();
  }

  private static Instant time(JsonNode node) {
    return node == null ? null : Times.parse(node.asString());
  }
}
