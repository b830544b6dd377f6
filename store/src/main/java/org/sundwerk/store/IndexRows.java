package org.sundwerk.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;

/**
 * What the side tables hold of one entity: types, scopes, attribute names with their kinds, and the
 * bounding box of every GeoProperty instance.
 */
record IndexRows(
    Set<String> types, Set<String> scopes, Set<NameKind> attributes, List<SqlDialect.Box> boxes) {

  /** An attribute name with one kind it has. */
  record NameKind(String name, String kind) {}

  static IndexRows of(Entity entity) {
    Set<NameKind> attributes = new LinkedHashSet<>();
    List<SqlDialect.Box> boxes = new ArrayList<>();
    for (Map.Entry<String, List<Attribute>> attribute : entity.attributes().entrySet()) {
      for (Attribute instance : attribute.getValue()) {
        attributes.add(new NameKind(attribute.getKey(), instance.kind().typeName()));
        if (instance.kind() == AttributeKind.GEO_PROPERTY) {
          Envelope envelope = envelope(instance.value());
          if (!envelope.isNull()) {
            boxes.add(new SqlDialect.Box(attribute.getKey(), envelope));
          }
        }
      }
    }
    return new IndexRows(
        new LinkedHashSet<>(entity.types()),
        new LinkedHashSet<>(entity.scopes()),
        attributes,
        boxes);
  }

  /**
   * The bounding box of a GeoJSON geometry, read from its coordinates without building the
   * geometry; null (empty) envelope when it has none. Validity is checked where it is written.
   */
  static Envelope envelope(JsonNode geoJson) {
    Envelope envelope = new Envelope();
    addGeometry(geoJson, envelope);
    return envelope;
  }

  private static void addGeometry(JsonNode geometry, Envelope envelope) {
    JsonNode coordinates = geometry.get("coordinates");
    if (coordinates != null) {
      addCoordinates(coordinates, envelope);
    }
    JsonNode geometries = geometry.get("geometries");
    if (geometries != null && geometries.isArray()) {
      for (JsonNode member : geometries) {
        addGeometry(member, envelope);
      }
    }
  }

  private static void addCoordinates(JsonNode node, Envelope envelope) {
    if (!node.isArray() || node.isEmpty()) {
      return;
    }
    if (node.get(0).isNumber()) {
      if (node.size() >= 2 && node.get(1).isNumber()) {
        envelope.expandToInclude(node.get(0).asDouble(), node.get(1).asDouble());
      }
      return;
    }
    for (JsonNode child : node) {
      addCoordinates(child, envelope);
    }
  }
}
