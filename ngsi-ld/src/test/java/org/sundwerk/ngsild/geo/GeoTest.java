package org.sundwerk.ngsild.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.sundwerk.ngsild.error.NgsiLdException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeoTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void measuresGreatCircleDistancesBetweenPoints() {
    Geometry rathaus = point(13.0916, 54.3158);
    Geometry hauptbahnhof = point(13.0775, 54.3081);

    assertThat(Geo.distanceMetres(rathaus, hauptbahnhof)).isCloseTo(1253, within(1.0));
    assertThat(Geo.distanceMetres(point(0, 0), point(1, 0))).isCloseTo(111_195, within(1.0));
    assertThat(Geo.distanceMetres(point(179.5, 0), point(-179.5, 0)))
        .isCloseTo(111_195, within(1.0));
  }

  @Test
  void measuresZeroToAGeometryThatContainsThePoint() {
    Geometry altstadt = polygon("[[[13.085,54.309],[13.1,54.309],[13.1,54.318],[13.085,54.309]]]");

    assertThat(Geo.distanceMetres(point(13.0969, 54.3120), altstadt)).isZero();
  }

  @Test
  void measuresToTheClosestPointOfALine() {
    Geometry meridianLine = parse("{\"type\":\"LineString\",\"coordinates\":[[13,54],[13,55]]}");

    // 0.01 degrees of longitude at 54.5 degrees north.
    assertThat(Geo.distanceMetres(point(13.01, 54.5), meridianLine)).isCloseTo(645.5, within(1.0));
  }

  @ParameterizedTest(name = "{0} {1}, {2} m")
  @CsvSource({
    "13.0916, 54.3158, 500",
    "13.0916, 54.3158, 50000",
    "0, 0, 1000",
    "179.99, 10, 5000",
    "-179.99, -10, 5000",
    "45, 89.9, 20000",
    "-70, -85, 300000",
    "10, 60, 0"
  })
  void envelopeContainsEveryPointWithinTheDistance(double lon, double lat, double metres) {
    Envelope envelope = Geo.envelopeWithin(point(lon, lat), metres);
    Random random = new Random(4711);

    for (int i = 0; i < 2_000; i++) {
      double bearing = random.nextDouble() * 2 * Math.PI;
      double distance = metres * Math.sqrt(random.nextDouble());
      double[] target = destination(lon, lat, bearing, i < 360 ? metres : distance);
      assertThat(envelope.contains(target[0], target[1]))
          .as("point %s,%s at %s m (seed 4711, draw %d)", target[0], target[1], distance, i)
          .isTrue();
    }
  }

  @Test
  void envelopeStaysTightInTheCity() {
    Envelope envelope = Geo.envelopeWithin(point(13.0916, 54.3158), 1000);

    assertThat(envelope.getHeight()).isCloseTo(2 * 0.008993, within(1e-5));
    assertThat(envelope.getWidth()).isLessThan(0.04);
  }

  @Test
  void parsesEveryGeoJsonGeometryType() {
    assertThat(parse("{\"type\":\"Point\",\"coordinates\":[13.09,54.31,4.5]}"))
        .isInstanceOf(Point.class);
    assertThat(
            parse("{\"type\":\"MultiPoint\",\"coordinates\":[[13.09,54.31],[13.1,54.3]]}")
                .getNumGeometries())
        .isEqualTo(2);
    assertThat(parse("{\"type\":\"LineString\",\"coordinates\":[[13,54],[13,55]]}"))
        .isInstanceOf(LineString.class);
    assertThat(
            parse(
                    "{\"type\":\"MultiLineString\",\"coordinates\":[[[13,54],[13,55]],[[12,54],[12,55]]]}")
                .getGeometryType())
        .isEqualTo("MultiLineString");
    assertThat(
            parse(
                    "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4],[0,0]],"
                        + "[[1,1],[2,1],[2,2],[1,1]]]}")
                .getArea())
        .isEqualTo(15.5);
    assertThat(
            parse(
                    "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],"
                        + "[[[2,2],[3,2],[3,3],[2,2]]]]}")
                .getNumGeometries())
        .isEqualTo(2);
    assertThat(
            parse(
                    "{\"type\":\"GeometryCollection\",\"geometries\":["
                        + "{\"type\":\"Point\",\"coordinates\":[1,2]},"
                        + "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}]}")
                .getGeometryType())
        .isEqualTo("GeometryCollection");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "->",
      textBlock =
          """
          [1,2]                                                 -> must be a JSON object
          {"coordinates":[1,2]}                                 -> member 'type'
          {"type":"Point"}                                      -> array 'coordinates'
          {"type":"Point","coordinates":[1,2,3,4]}              -> A position must be
          {"type":"Point","coordinates":[-180.5,2]}             -> Longitude -180.5
          {"type":"MultiPoint","coordinates":[1,2]}             -> A position must be
          {"type":"GeometryCollection"}                         -> array 'geometries'
          {"type":"Feature","coordinates":[1,2]}                -> Unknown geometry type 'Feature'
          {"type":"Circle"}                                     -> Unknown geometry type 'Circle'
          {"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]],[[5,5],[6,5],[6,6],[5,5]]]} -> Hole lies outside shell
          """)
  void rejectsInvalidGeoJson(String geoJson, String what) {
    assertThatThrownBy(() -> parse(geoJson))
        .isInstanceOf(NgsiLdException.class)
        .hasMessageContaining(what);
  }

  @Test
  void readsAStoredGeometryWithoutTheTopologyCheck() {
    JsonNode bowTie =
        JSON.readTree("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}");

    assertThat(Geo.read(bowTie).getNumPoints()).isEqualTo(5);
    assertThatThrownBy(() -> Geo.parse(bowTie)).hasMessageContaining("Self-intersection");
  }

  private static Geometry parse(String geoJson) {
    JsonNode node = JSON.readTree(geoJson);
    return Geo.parse(node);
  }

  private static Geometry point(double lon, double lat) {
    return parse("{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]}");
  }

  private static Geometry polygon(String coordinates) {
    return parse("{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}");
  }

  /** The point reached from (lon, lat) along a great circle with the bearing, in degrees. */
  private static double[] destination(double lon, double lat, double bearing, double metres) {
    double angle = metres / Geo.EARTH_RADIUS_METRES;
    double phi1 = Math.toRadians(lat);
    double lambda1 = Math.toRadians(lon);
    double phi2 =
        Math.asin(
            Math.sin(phi1) * Math.cos(angle)
                + Math.cos(phi1) * Math.sin(angle) * Math.cos(bearing));
    double lambda2 =
        lambda1
            + Math.atan2(
                Math.sin(bearing) * Math.sin(angle) * Math.cos(phi1),
                Math.cos(angle) - Math.sin(phi1) * Math.sin(phi2));
    double lon2 = (Math.toDegrees(lambda2) + 540) % 360 - 180;
    return new double[] {lon2, Math.toDegrees(phi2)};
  }
}
