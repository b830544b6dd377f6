package org.sundwerk.ngsild.query;

import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * A geo-query (clause 4.10): {@code georel}, a reference geometry in WGS84 (longitude, latitude),
 * and the GeoProperty it applies to (expanded name; the default is NGSI-LD {@code location}).
 *
 * @param relation the geo relation
 * @param geometry the reference geometry, valid, in degrees
 * @param geoproperty expanded name of the GeoProperty to test
 * @param maxDistance metres, for {@code near}
 * @param minDistance metres, for {@code near}
 */
public record GeoQuery(
    Relation relation,
    Geometry geometry,
    String geoproperty,
    Optional<Double> maxDistance,
    Optional<Double> minDistance) {

  /** The default {@code geoproperty}, expanded. */
  public static final String LOCATION = "https://uri.etsi.org/ngsi-ld/location";

  public enum Relation {
    NEAR,
    WITHIN,
    CONTAINS,
    INTERSECTS,
    EQUALS,
    DISJOINT,
    OVERLAPS
  }
}
