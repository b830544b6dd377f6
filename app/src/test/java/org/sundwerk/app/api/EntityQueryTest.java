package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Query Entities over HTTP (clause 5.7.2, 6.4.3.2): each row is a query string and the local ids
 * (the part after {@code urn:ngsi-ld:Parking:}) it must return, in creation order.
 */
class EntityQueryTest extends ApiTest {

  /** Stralsund car parks: id, spots free, total, name, point, scope. */
  private static final String[][] PARKINGS = {
    {"ozeaneum", "121", "340", "Ozeaneum", "13.0969,54.3152", "/Stralsund/Altstadt"},
    {"hafen", "12", "120", "Hafen", "13.0958,54.3165", "/Stralsund/Altstadt"},
    {"bahnhof", "0", "200", "Hauptbahnhof", "13.0775,54.3081", "/Stralsund/Tribseer"},
    {"strandbad", "77", "90", "Strandbad", "13.1045,54.3283", "/Stralsund/Knieper"},
  };

  @BeforeEach
  void createCarParks() {
    for (String[] p : PARKINGS) {
      String body =
          """
          {"id": "urn:ngsi-ld:Parking:%s", "type": "OffStreetParking", "scope": "%s",
           "free": {"type": "Property", "value": %s, "observedAt": "2026-07-04T1%d:00:00Z"},
           "total": %s, "name": "%s",
           "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [%s]}}}
          """
              .formatted(p[0], p[5], p[1], p[0].length() % 10, p[2], p[3], p[4]);
      assertThat(http.post(ENTITIES, body).status()).isEqualTo(201);
    }
    http.post(
        ENTITIES, "{\"id\": \"urn:ngsi-ld:Museum:ozeaneum\", \"type\": \"Museum\", \"free\": 1}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "=>",
      value = {
        "type=OffStreetParking => ozeaneum,hafen,bahnhof,strandbad",
        "type=OffStreetParking&q=free>50 => ozeaneum,strandbad",
        "type=OffStreetParking&q=free==0 => bahnhof",
        "type=OffStreetParking&q=free!=0 => ozeaneum,hafen,strandbad",
        "type=OffStreetParking&q=free==10..100 => hafen,strandbad",
        "type=OffStreetParking&q=free==0,12 => hafen,bahnhof",
        "type=OffStreetParking&q=free>10;total<150 => hafen,strandbad",
        "type=OffStreetParking&q=free==0|total==340 => ozeaneum,bahnhof",
        "type=OffStreetParking&q=name==\"Hafen\" => hafen",
        "type=OffStreetParking&q=name~=(?i)^h.* => hafen,bahnhof",
        "type=OffStreetParking&q=(free<20|free>100);total>150 => ozeaneum,bahnhof",
        "id=urn:ngsi-ld:Parking:hafen,urn:ngsi-ld:Parking:bahnhof => hafen,bahnhof",
        "type=OffStreetParking&idPattern=.*(hafen|bahnhof)$ => hafen,bahnhof",
        "type=OffStreetParking&scopeQ=/Stralsund/Altstadt => ozeaneum,hafen",
        "type=OffStreetParking&scopeQ=/Stralsund/# => ozeaneum,hafen,bahnhof,strandbad",
        "type=OffStreetParking&georel=near;maxDistance==400&geometry=Point&coordinates=[13.0916,54.3158] => ozeaneum,hafen",
        "type=OffStreetParking&georel=within&geometry=Polygon&coordinates=[[[13.09,54.31],[13.11,54.31],[13.11,54.33],[13.09,54.33],[13.09,54.31]]] => ozeaneum,hafen,strandbad",
        "type=OffStreetParking&limit=2 => ozeaneum,hafen",
        "type=OffStreetParking&limit=2&offset=2 => bahnhof,strandbad",
      })
  void selects(String query, String expected) {
    Http.Response response = http.get(ENTITIES + "?" + encodeValues(query));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(localIds(response)).containsExactly(expected.split(","));
  }

  @Test
  void countsAllMatchesWhileReturningOnePage() {
    Http.Response response = http.get(ENTITIES + "?type=OffStreetParking&limit=1&count=true");

    assertThat(response.header("NGSILD-Results-Count")).contains("4");
    assertThat(response.json().size()).isEqualTo(1);
  }

  @Test
  void queriesByPostWithTheSameSemantics() {
    Http.Response response =
        http.post(
            "/ngsi-ld/v1/entityOperations/query",
            """
            {"type": "Query", "entities": [{"type": "OffStreetParking"}], "q": "free>50",
             "geoQ": {"georel": "near;maxDistance==1000", "geometry": "Point", "coordinates": [13.0969, 54.3152]}}
            """);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(localIds(response)).containsExactly("ozeaneum");
  }

  @Test
  void projectsTheEntitiesOfAPostQueryToItsAttrs() {
    Http.Response response =
        http.post(
            "/ngsi-ld/v1/entityOperations/query",
            """
            {"type": "Query", "entities": [{"type": "OffStreetParking"}], "attrs": ["free", "name"]}
            """);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().size()).isEqualTo(4);
    response
        .json()
        .forEach(
            entity ->
                assertThat(entity.propertyNames())
                    .contains("id", "type", "free", "name")
                    .doesNotContain("total", "location"));
  }

  @Test
  void refusesPickAndOmitTogether() {
    Http.Response response = http.get(ENTITIES + "?type=OffStreetParking&pick=name&omit=free");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("BadRequestData");
  }

  @Test
  void returnsAGeoJsonFeatureCollection() {
    Http.Response response =
        http.with("Accept", "application/geo+json")
            .get(ENTITIES + "?type=OffStreetParking&limit=2");

    assertThat(response.json().path("type").asString()).isEqualTo("FeatureCollection");
    assertThat(response.json().path("features").size()).isEqualTo(2);
  }

  private static List<String> localIds(Http.Response response) {
    List<String> ids = new ArrayList<>();
    response
        .json()
        .forEach(e -> ids.add(e.path("id").asString().replaceFirst("urn:ngsi-ld:\\w+:", "")));
    return ids;
  }

  /** Encodes each parameter value, as a client library would. */
  private static String encodeValues(String query) {
    List<String> parts = new ArrayList<>();
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      parts.add(
          part.substring(0, eq + 1)
              + URLEncoder.encode(part.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return String.join("&", parts);
  }
}
