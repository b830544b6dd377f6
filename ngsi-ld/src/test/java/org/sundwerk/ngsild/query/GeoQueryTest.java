package org.sundwerk.ngsild.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sundwerk.ngsild.query.PrefixTerms.TERMS;
import static org.sundwerk.ngsild.query.Stralsund.ALTSTADT_BOX;
import static org.sundwerk.ngsild.query.Stralsund.HAUPTBAHNHOF;
import static org.sundwerk.ngsild.query.Stralsund.HBF_ENTRANCE;
import static org.sundwerk.ngsild.query.Stralsund.OZEANEUM;
import static org.sundwerk.ngsild.query.Stralsund.RATHAUS;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * Geo-queries (clause 4.10) over the Stralsund fixture: georel, reference geometry and coordinates
 * to the ids selected. Distances from the Rathaus: Ozeaneum 350 m, sensor s1 387 m, Parkhaus Hafen
 * 520 m, Hauptbahnhof 1253 m, Strandbad about 1.6 km; P+R Bahnhof is 107 m from the Hauptbahnhof,
 * which has a second location instance at its entrance.
 */
class GeoQueryTest {

  static Stream<Arguments> queries() {
    return Stream.of(
        row("near;maxDistance==500", "Point", RATHAUS, "altstadt hafenweg ozeaneum rathaus s1"),
        row("near;maxDistance==360", "Point", RATHAUS, "altstadt hafenweg ozeaneum rathaus"),
        row("near;minDistance==1500", "Point", RATHAUS, "strandbad"),
        // The Hauptbahnhof itself qualifies by its entrance instance, 190 m from its main one.
        row("near;maxDistance==200;minDistance==50", "Point", HAUPTBAHNHOF, "bahnhof hbf"),
        row("near;maxDistance==150;minDistance==50", "Point", HAUPTBAHNHOF, "bahnhof"),
        row("near;maxDistance==0", "Point", OZEANEUM, "altstadt hafenweg ozeaneum"),
        row("near;maxDistance==10", "Point", HBF_ENTRANCE, "hbf"),
        row("within", "Polygon", ALTSTADT_BOX, "altstadt hafen ozeaneum rathaus s1"),
        row(
            "within",
            "MultiPolygon",
            "[" + box(13.085, 54.309, 13.100, 54.318) + "," + box(13.10, 54.32, 13.11, 54.33) + "]",
            "altstadt hafen ozeaneum rathaus s1 strandbad"),
        row("contains", "Point", RATHAUS, "altstadt hafenweg rathaus"),
        row("contains", "LineString", "[[13.09,54.31],[13.095,54.315]]", "altstadt"),
        row("intersects", "LineString", "[[13.09,54.305],[13.09,54.33]]", "altstadt hafenweg"),
        row(
            "intersects",
            "MultiLineString",
            "[[[13.09,54.305],[13.09,54.33]],[[13.1045,54.32],[13.1045,54.335]]]",
            "altstadt hafenweg strandbad"),
        row(
            "intersects",
            "MultiPoint",
            "[" + OZEANEUM + "," + HAUPTBAHNHOF + "]",
            "altstadt hafenweg hbf ozeaneum"),
        row("intersects", "Polygon", box(13.103, 54.327, 13.106, 54.329), "strandbad"),
        row("equals", "Point", OZEANEUM, "ozeaneum"),
        row(
            "equals",
            "Polygon",
            "[[[13.1050,54.3278],[13.1050,54.3288],[13.1040,54.3288],[13.1040,54.3278],"
                + "[13.1050,54.3278]]]",
            "strandbad"),
        row("equals", "MultiPoint", "[[13.0940,54.3127],[13.0935,54.3125]]", "s1"),
        row("disjoint", "Polygon", ALTSTADT_BOX, "bahnhof hbf strandbad"),
        row("overlaps", "Polygon", box(13.095, 54.312, 13.110, 54.330), "altstadt"),
        row("overlaps", "MultiPoint", "[" + OZEANEUM + ",[13.2,54.4]]", ""));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("queries")
  void selectsTheExpectedEntities(String georel, String geometry, String coordinates, String ids) {
    GeoQuery query = GeoQueryParser.parse(georel, geometry, coordinates, Optional.empty(), TERMS);

    assertThat(Stralsund.idsWhere(entity -> QueryEvaluator.matches(query, entity)))
        .isEqualTo(Stralsund.expected(ids));
  }

  @Test
  void testsTheNamedGeoProperty() {
    GeoQuery query =
        GeoQueryParser.parse(
            "intersects", "Point", "[13.0945,54.3128]", Optional.of("observationSpace"), TERMS);

    assertThat(query.geoproperty()).isEqualTo("https://uri.etsi.org/ngsi-ld/observationSpace");
    assertThat(Stralsund.idsWhere(entity -> QueryEvaluator.matches(query, entity)))
        .containsExactly("s1");
  }

  @Test
  void readsTheGeoQObjectOfAPostQuery() {
    GeoQuery query =
        GeoQueryParser.parse(
            Stralsund.json(
                """
                {"georel": "near;maxDistance==120", "geometry": "Point",
                 "coordinates": [13.0775, 54.3081], "geoproperty": "location"}
                """),
            TERMS);

    assertThat(query.relation()).isEqualTo(GeoQuery.Relation.NEAR);
    assertThat(query.maxDistance()).contains(120.0);
    assertThat(query.geoproperty()).isEqualTo(GeoQuery.LOCATION);
    assertThat(Stralsund.idsWhere(entity -> QueryEvaluator.matches(query, entity)))
        .containsExactly("bahnhof", "hafenweg", "hbf");
  }

  @Test
  void acceptsCoordinatesSentAsAJsonString() {
    GeoQuery query =
        GeoQueryParser.parse(
            Stralsund.json(
                "{\"georel\":\"equals\",\"geometry\":\"Point\",\"coordinates\":\""
                    + RATHAUS
                    + "\"}"),
            TERMS);

    assertThat(Stralsund.idsWhere(entity -> QueryEvaluator.matches(query, entity)))
        .containsExactly("rathaus");
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(
      delimiterString = "->",
      textBlock =
          """
          nearby                     -> Point      -> [13.09,54.31]          -> Unknown georel 'nearby'
          near                       -> Point      -> [13.09,54.31]          -> needs maxDistance
          near;maxDistance=100       -> Point      -> [13.09,54.31]          -> Unexpected 'maxDistance=100'
          near;maxDistance==-5       -> Point      -> [13.09,54.31]          -> non-negative number
          near;maxDistance==far      -> Point      -> [13.09,54.31]          -> non-negative number
          near;maxDistance==1;maxDistance==2 -> Point -> [13.09,54.31]       -> Unexpected 'maxDistance==2'
          within;maxDistance==100    -> Polygon    -> [[[0,0],[1,0],[1,1],[0,0]]] -> takes no modifiers
          within                     -> Circle     -> [13.09,54.31]          -> Unknown geometry type 'Circle'
          within                     -> GeometryCollection -> []             -> Unknown geometry type
          near;maxDistance==1        -> Point      -> [13.09,54.31            -> must be a JSON array
          near;maxDistance==1        -> Point      -> [13.09]                -> A position must be
          near;maxDistance==1        -> Point      -> [193.09,54.31]         -> Longitude 193.09
          near;maxDistance==1        -> Point      -> [13.09,94.31]          -> Latitude 94.31
          near;maxDistance==1        -> Point      -> ["13.09",54.31]        -> must hold numbers
          intersects                 -> LineString -> [[13.09,54.31]]        -> at least two positions
          within                     -> Polygon    -> [[[0,0],[1,0],[1,1],[0,1]]] -> must be closed
          within                     -> Polygon    -> [[[0,0],[1,0],[0,0]]]  -> at least four positions
          within                     -> Polygon    -> [[[0,0],[1,1],[1,0],[0,1],[0,0]]] -> Self-intersection
          within                     -> Polygon    -> []                     -> exterior ring
          """)
  void rejectsInvalidGeoQueries(String georel, String geometry, String coordinates, String what) {
    assertThatThrownBy(
            () -> GeoQueryParser.parse(georel, geometry, coordinates, Optional.empty(), TERMS))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_REQUEST_DATA))
        .hasMessageContaining(what);
  }

  @Test
  void rejectsAGeoQObjectWithoutGeorel() {
    assertThatThrownBy(
            () ->
                GeoQueryParser.parse(
                    Stralsund.json("{\"geometry\":\"Point\",\"coordinates\":[13.09,54.31]}"),
                    TERMS))
        .isInstanceOf(NgsiLdException.class)
        .hasMessageContaining("'georel'");
  }

  private static Arguments row(String georel, String geometry, String coordinates, String ids) {
    return Arguments.of(georel, geometry, coordinates, ids);
  }

  private static String box(double west, double south, double east, double north) {
    return String.format(
        java.util.Locale.ROOT,
        "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]",
        west,
        south,
        east,
        south,
        east,
        north,
        west,
        north,
        west,
        south);
  }
}
