package org.sundwerk.ngsild.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.sundwerk.ngsild.error.NgsiLdException;
import tools.jackson.databind.JsonNode;

/** GeoJSON and WGS84 helpers shared by the query evaluator and the stores. Thread-safe. */
public final class Geo {

  /** Mean Earth radius (IUGG), the radius of the sphere all distances here are measured on. */
  public static final double EARTH_RADIUS_METRES = 6_371_008.8;

  private static final int WGS84 = 4326;
  private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);

  private static final Set<String> SIMPLE_TYPES =
      Set.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");

  private Geo() {}

  /**
   * Parses a GeoJSON geometry (Point, LineString, Polygon, Multi*, GeometryCollection) in WGS84.
   * Positions are {@code [longitude, latitude]} with an optional altitude, which is ignored. Checks
   * structure, coordinate ranges, closed rings and topological validity (no self-intersections);
   * use it for geometries that come from a request.
   *
   * @throws org.sundwerk.ngsild.error.NgsiLdException BadRequestData when it is not valid
   */
  public static Geometry parse(JsonNode geoJson) {
    return read(geoJson, true);
  }

  /**
   * Reads a GeoJSON geometry that was checked with {@link #parse(JsonNode)} when it was written,
   * skipping the topology check, whose cost grows with the number of vertices. For evaluating
   * stored geometries row by row.
   *
   * @throws org.sundwerk.ngsild.error.NgsiLdException BadRequestData when it is malformed
   */
  public static Geometry read(JsonNode geoJson) {
    return read(geoJson, false);
  }

  /**
   * Parses a geometry given as a GeoJSON type name (not GeometryCollection) and its {@code
   * coordinates} member, as the query parameters {@code geometry} and {@code coordinates} send it,
   * with the checks of {@link #parse(JsonNode)}.
   *
   * @throws NgsiLdException BadRequestData for an unknown type or invalid coordinates
   */
  public static Geometry parse(String type, JsonNode coordinates) {
    return valid(build(type, coordinates), type);
  }

  private static Geometry read(JsonNode geoJson, boolean validate) {
    if (geoJson == null || !geoJson.isObject()) {
      throw NgsiLdException.badRequestData("A GeoJSON geometry must be a JSON object");
    }
    JsonNode typeNode = geoJson.get("type");
    if (typeNode == null || !typeNode.isString()) {
      throw NgsiLdException.badRequestData("A GeoJSON geometry needs a string member 'type'");
    }
    String type = typeNode.stringValue();
    Geometry geometry;
    if (type.equals("GeometryCollection")) {
      JsonNode members = geoJson.get("geometries");
      if (members == null || !members.isArray()) {
        throw NgsiLdException.badRequestData("A GeometryCollection needs an array 'geometries'");
      }
      List<Geometry> parts = new ArrayList<>();
      for (JsonNode member : members.values()) {
        parts.add(read(member, false));
      }
      geometry = FACTORY.createGeometryCollection(parts.toArray(Geometry[]::new));
    } else {
      geometry = build(type, geoJson.get("coordinates"));
    }
    return validate ? valid(geometry, type) : geometry;
  }

  private static Geometry valid(Geometry geometry, String type) {
    TopologyValidationError error = new IsValidOp(geometry).getValidationError();
    if (error != null) {
      Coordinate at = error.getCoordinate();
      throw NgsiLdException.badRequestData(
          "Invalid " + type + ": " + error.getMessage() + " at [" + at.x + ", " + at.y + "]");
    }
    return geometry;
  }

  private static Geometry build(String type, JsonNode coordinates) {
    if (!SIMPLE_TYPES.contains(type)) {
      throw NgsiLdException.badRequestData(
          "Unknown geometry type '"
              + type
              + "'; expected Point, MultiPoint, LineString, MultiLineString, Polygon or"
              + " MultiPolygon");
    }
    if (coordinates == null || !coordinates.isArray()) {
      throw NgsiLdException.badRequestData("A " + type + " needs an array 'coordinates'");
    }
    return switch (type) {
      case "Point" -> FACTORY.createPoint(position(coordinates));
      case "MultiPoint" ->
          FACTORY.createMultiPoint(
              children(coordinates).stream()
                  .map(c -> FACTORY.createPoint(position(c)))
                  .toArray(Point[]::new));
      case "LineString" -> lineString(coordinates);
      case "MultiLineString" ->
          FACTORY.createMultiLineString(
              children(coordinates).stream().map(Geo::lineString).toArray(LineString[]::new));
      case "Polygon" -> polygon(coordinates);
      default ->
          FACTORY.createMultiPolygon(
              children(coordinates).stream().map(Geo::polygon).toArray(Polygon[]::new));
    };
  }

  /**
   * An envelope in degrees that contains every point within {@code metres} of the geometry, for
   * index prefilters of {@code near;maxDistance}. May be larger than needed, never smaller: near
   * the poles or across the antimeridian it spans all longitudes.
   */
  public static Envelope envelopeWithin(Geometry geometry, double metres) {
    Envelope box = geometry.getEnvelopeInternal();
    // Tiny relative slack so that rounding never makes the box smaller than the exact cap.
    double angle = Math.max(0, metres) / EARTH_RADIUS_METRES * (1 + 1e-9) + 1e-12;
    double dLat = Math.toDegrees(angle);
    double minLat = box.getMinY() - dLat;
    double maxLat = box.getMaxY() + dLat;
    if (minLat <= -90 || maxLat >= 90) {
      return new Envelope(-180, 180, Math.max(-90, minLat), Math.min(90, maxLat));
    }
    // The widest longitude span of a spherical cap of radius `angle` centred at latitude phi is
    // asin(sin(angle) / cos(phi)), growing with |phi|; the cap cannot contain a pole here.
    double phi = Math.toRadians(Math.max(Math.abs(box.getMinY()), Math.abs(box.getMaxY())));
    double ratio = Math.sin(angle) / Math.cos(phi);
    if (ratio >= 1) {
      return new Envelope(-180, 180, minLat, maxLat);
    }
    double dLon = Math.toDegrees(Math.asin(ratio)) * (1 + 1e-9);
    double minLon = box.getMinX() - dLon;
    double maxLon = box.getMaxX() + dLon;
    if (minLon < -180 || maxLon > 180) {
      return new Envelope(-180, 180, minLat, maxLat);
    }
    return new Envelope(minLon, maxLon, minLat, maxLat);
  }

  /**
   * The shortest great-circle distance in metres between two WGS84 geometries. Zero when they
   * intersect; otherwise the haversine distance between the closest points in planar degrees, which
   * is exact for points and a close approximation for the small extents of a city.
   */
  public static double distanceMetres(Geometry a, Geometry b) {
    if (a instanceof Point p && b instanceof Point q) {
      return haversine(p.getCoordinate(), q.getCoordinate());
    }
    if (RelateNG.relate(a, b, RelatePredicate.intersects())) {
      return 0;
    }
    Coordinate[] nearest = DistanceOp.nearestPoints(a, b);
    return haversine(nearest[0], nearest[1]);
  }

  /** The great-circle distance in metres between two positions given as (longitude, latitude). */
  public static double haversine(Coordinate a, Coordinate b) {
    double lat1 = Math.toRadians(a.y);
    double lat2 = Math.toRadians(b.y);
    double sinLat = Math.sin((lat2 - lat1) / 2);
    double sinLon = Math.sin(Math.toRadians(b.x - a.x) / 2);
    double h = sinLat * sinLat + Math.cos(lat1) * Math.cos(lat2) * sinLon * sinLon;
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  private static List<JsonNode> children(JsonNode array) {
    if (!array.isArray()) {
      throw NgsiLdException.badRequestData("Expected a JSON array of coordinates but got " + array);
    }
    return List.copyOf(array.values());
  }

  private static Coordinate position(JsonNode node) {
    if (!node.isArray() || node.size() < 2 || node.size() > 3) {
      throw NgsiLdException.badRequestData(
          "A position must be [longitude, latitude] or [longitude, latitude, altitude] but was "
              + node);
    }
    for (JsonNode number : node.values()) {
      if (!number.isNumber()) {
        throw NgsiLdException.badRequestData("A position must hold numbers but was " + node);
      }
    }
    double lon = node.get(0).doubleValue();
    double lat = node.get(1).doubleValue();
    if (!(lon >= -180 && lon <= 180)) {
      throw NgsiLdException.badRequestData(
          "Longitude " + lon + " is outside -180..180 in " + node + " (positions are [lon, lat])");
    }
    if (!(lat >= -90 && lat <= 90)) {
      throw NgsiLdException.badRequestData(
          "Latitude " + lat + " is outside -90..90 in " + node + " (positions are [lon, lat])");
    }
    return new Coordinate(lon, lat);
  }

  private static Coordinate[] positions(JsonNode array) {
    return children(array).stream().map(Geo::position).toArray(Coordinate[]::new);
  }

  private static LineString lineString(JsonNode coordinates) {
    Coordinate[] points = positions(coordinates);
    if (points.length < 2) {
      throw NgsiLdException.badRequestData("A LineString needs at least two positions");
    }
    return FACTORY.createLineString(points);
  }

  private static Polygon polygon(JsonNode coordinates) {
    List<JsonNode> rings = children(coordinates);
    if (rings.isEmpty()) {
      throw NgsiLdException.badRequestData("A Polygon needs at least its exterior ring");
    }
    LinearRing shell = ring(rings.getFirst());
    LinearRing[] holes =
        rings.subList(1, rings.size()).stream().map(Geo::ring).toArray(LinearRing[]::new);
    return FACTORY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode coordinates) {
    Coordinate[] points = positions(coordinates);
    if (points.length < 4) {
      throw NgsiLdException.badRequestData(
          "A polygon ring needs at least four positions, the last equal to the first");
    }
    if (!points[0].equals2D(points[points.length - 1])) {
      throw NgsiLdException.badRequestData(
          "A polygon ring must be closed: its last position "
              + points[points.length - 1]
              + " differs from its first "
              + points[0]);
    }
    return FACTORY.createLinearRing(points);
  }
}
