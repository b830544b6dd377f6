package org.sundwerk.ngsild.geo;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/** GeoJSON and WGS84 helpers shared by the query evaluator and the stores. Thread-safe. */
public final class Geo {

  private Geo() {}

  /**
   * Parses a GeoJSON geometry (Point, LineString, Polygon, Multi*, GeometryCollection) in WGS84.
   *
   * @throws org.sundwerk.ngsild.error.NgsiLdException BadRequestData when it is not valid
   */
  public static Geometry parse(JsonNode geoJson) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * An envelope in degrees that contains every point within {@code metres} of the geometry, for
   * index prefilters of {@code near;maxDistance}. May be larger than needed, never smaller.
   */
  public static Envelope envelopeWithin(Geometry geometry, double metres) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The shortest great-circle distance in metres between two WGS84 geometries. */
  public static double distanceMetres(Geometry a, Geometry b) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
