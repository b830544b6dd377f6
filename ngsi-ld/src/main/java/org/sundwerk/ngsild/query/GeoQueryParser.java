package org.sundwerk.ngsild.query;

import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.geo.Geo;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a geo-query (clause 4.10) from the query parameters {@code georel}, {@code geometry},
 * {@code coordinates} and {@code geoproperty}, or from the {@code geoQ} object of a POST query.
 * Stateless and thread-safe.
 */
public final class GeoQueryParser {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private GeoQueryParser() {}

  /**
   * Parses the query-parameter form, where {@code coordinates} is JSON text such as {@code
   * [13.0969,54.3152]}.
   *
   * @throws NgsiLdException BadRequestData when a part is missing or invalid
   */
  public static GeoQuery parse(
      String georel,
      String geometryType,
      String coordinatesJson,
      Optional<String> geoproperty,
      TermDictionary terms) {
    return parse(georel, geometryType, coordinates(coordinatesJson), geoproperty, terms);
  }

  /**
   * Parses with the coordinates as a JSON array (or as a string holding one, as older clients
   * send).
   *
   * @throws NgsiLdException BadRequestData when a part is missing or invalid
   */
  public static GeoQuery parse(
      String georel,
      String geometryType,
      JsonNode coordinates,
      Optional<String> geoproperty,
      TermDictionary terms) {
    if (geometryType == null || geometryType.isEmpty()) {
      throw NgsiLdException.badRequestData("A geo-query needs 'geometry'");
    }
    if (coordinates == null || coordinates.isMissingNode() || coordinates.isNull()) {
      throw NgsiLdException.badRequestData("A geo-query needs 'coordinates'");
    }
    JsonNode array = coordinates.isString() ? coordinates(coordinates.stringValue()) : coordinates;
    Geometry geometry = Geo.parse(geometryType, array);
    Relation relation = relation(georel);
    String property =
        geoproperty.filter(p -> !p.isEmpty()).map(terms::expand).orElse(GeoQuery.LOCATION);
    return new GeoQuery(
        relation.relation(), geometry, property, relation.maxDistance(), relation.minDistance());
  }

  /**
   * Parses the {@code geoQ} member of a POST /entityOperations/query body: an object with {@code
   * georel}, {@code geometry}, {@code coordinates} and optionally {@code geoproperty}.
   *
   * @throws NgsiLdException BadRequestData when a member is missing or invalid
   */
  public static GeoQuery parse(JsonNode geoQ, TermDictionary terms) {
    if (geoQ == null || !geoQ.isObject()) {
      throw NgsiLdException.badRequestData("geoQ must be a JSON object");
    }
    return parse(
        text(geoQ, "georel"),
        text(geoQ, "geometry"),
        geoQ.get("coordinates"),
        Optional.ofNullable(geoQ.get("geoproperty")).map(p -> text(geoQ, "geoproperty")),
        terms);
  }

  private static String text(JsonNode object, String member) {
    JsonNode node = object.get(member);
    if (node == null || !node.isString()) {
      throw NgsiLdException.badRequestData("geoQ needs a string member '" + member + "'");
    }
    return node.stringValue();
  }

  private static JsonNode coordinates(String json) {
    if (json == null || json.isEmpty()) {
      throw NgsiLdException.badRequestData("A geo-query needs 'coordinates'");
    }
    try {
      return JSON.readTree(json);
    } catch (JacksonException e) {
      throw NgsiLdException.badRequestData(
          "coordinates must be a JSON array such as [13.0969,54.3152] but was: " + json);
    }
  }

  private record Relation(
      GeoQuery.Relation relation, Optional<Double> maxDistance, Optional<Double> minDistance) {}

  private static Relation relation(String georel) {
    if (georel == null || georel.isEmpty()) {
      throw NgsiLdException.badRequestData("A geo-query needs 'georel'");
    }
    String[] parts = georel.split(";", -1);
    GeoQuery.Relation relation =
        switch (parts[0]) {
          case "near" -> GeoQuery.Relation.NEAR;
          case "within" -> GeoQuery.Relation.WITHIN;
          case "contains" -> GeoQuery.Relation.CONTAINS;
          case "intersects" -> GeoQuery.Relation.INTERSECTS;
          case "equals" -> GeoQuery.Relation.EQUALS;
          case "disjoint" -> GeoQuery.Relation.DISJOINT;
          case "overlaps" -> GeoQuery.Relation.OVERLAPS;
          default ->
              throw NgsiLdException.badRequestData(
                  "Unknown georel '"
                      + parts[0]
                      + "'; expected near, within, contains, intersects, equals, disjoint or"
                      + " overlaps");
        };
    if (relation != GeoQuery.Relation.NEAR) {
      if (parts.length > 1) {
        throw NgsiLdException.badRequestData(
            "georel '" + parts[0] + "' takes no modifiers but got '" + georel + "'");
      }
      return new Relation(relation, Optional.empty(), Optional.empty());
    }
    Optional<Double> max = Optional.empty();
    Optional<Double> min = Optional.empty();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith("maxDistance==") && max.isEmpty()) {
        max = Optional.of(distance(part, georel));
      } else if (part.startsWith("minDistance==") && min.isEmpty()) {
        min = Optional.of(distance(part, georel));
      } else {
        throw NgsiLdException.badRequestData(
            "Unexpected '"
                + part
                + "' in georel '"
                + georel
                + "'; use near;maxDistance==<metres>"
                + " and/or near;minDistance==<metres>");
      }
    }
    if (max.isEmpty() && min.isEmpty()) {
      throw NgsiLdException.badRequestData(
          "georel near needs maxDistance==<metres> or minDistance==<metres>");
    }
    return new Relation(relation, max, min);
  }

  private static double distance(String part, String georel) {
    String number = part.substring(part.indexOf("==") + 2);
    try {
      double metres = Double.parseDouble(number);
      if (!(metres >= 0) || Double.isInfinite(metres)) {
        throw new NumberFormatException();
      }
      return metres;
    } catch (NumberFormatException e) {
      throw NgsiLdException.badRequestData(
          String.format(
              Locale.ROOT,
              "'%s' in georel '%s' must be a non-negative number of metres",
              number,
              georel));
    }
  }
}
