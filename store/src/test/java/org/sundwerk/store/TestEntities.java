package org.sundwerk.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sundwerk.broker.entity.EntityMutation;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Builders for entities and mutations in store tests; names are expanded under {@link #NS}. */
public final class TestEntities {

  public static final String NS = "https://example.org/ns/";
  public static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private TestEntities() {}

  public static String iri(String term) {
    return NS + term;
  }

  public static String urn(String id) {
    return "urn:ngsi-ld:Test:" + id;
  }

  public static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }

  /** An entity of the given type (a term) with attributes given as term, attribute pairs. */
  public static Entity entity(String id, String type, Object... termsAndAttributes) {
    Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
    for (int i = 0; i < termsAndAttributes.length; i += 2) {
      attributes.put(
          iri((String) termsAndAttributes[i]), List.of((Attribute) termsAndAttributes[i + 1]));
    }
    return new Entity(urn(id), List.of(iri(type)), List.of(), attributes, null, null);
  }

  public static Attribute property(JsonNode value) {
    return Attribute.of(AttributeKind.PROPERTY, value);
  }

  public static Attribute number(double value) {
    return property(JSON.numberNode(value));
  }

  public static Attribute integer(int value) {
    return property(JSON.numberNode(value));
  }

  public static Attribute text(String value) {
    return property(JSON.stringNode(value));
  }

  public static Attribute bool(boolean value) {
    return property(JSON.booleanNode(value));
  }

  public static Attribute relationship(String object) {
    return Attribute.of(AttributeKind.RELATIONSHIP, JSON.stringNode(object));
  }

  public static Attribute point(double longitude, double latitude) {
    return Attribute.of(
        AttributeKind.GEO_PROPERTY,
        json("{\"type\":\"Point\",\"coordinates\":[" + longitude + "," + latitude + "]}"));
  }

  public static Attribute observed(Attribute attribute, Instant observedAt) {
    return new Attribute(
        attribute.kind(),
        attribute.value(),
        attribute.datasetId(),
        observedAt,
        attribute.unitCode(),
        attribute.createdAt(),
        attribute.modifiedAt(),
        attribute.subAttributes());
  }

  /** A mutation that stores {@code entity} whatever is there, returning whether it existed. */
  public static EntityMutation<Boolean> put(Entity entity) {
    return current -> new EntityMutation.Put<>(entity, current.isPresent());
  }

  /** A mutation that deletes the entity if it exists, returning whether it did. */
  public static EntityMutation<Boolean> delete() {
    return current ->
        current.isPresent() ? new EntityMutation.Delete<>(true) : new EntityMutation.Keep<>(false);
  }

  /** The integer value of a term's default instance, if it has one. */
  public static Optional<Integer> intValue(Entity entity, String term) {
    return entity.defaultInstance(iri(term)).map(a -> a.value().asInt());
  }
}
