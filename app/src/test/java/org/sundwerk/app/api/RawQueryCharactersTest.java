package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Queries as NGSI-LD clients and the spec's examples send them: {@code < > " [ ] { } | ^} and the
 * backquote raw, not percent-encoded, in the request line (sent over a plain socket, so that
 * nothing on the way encodes them).
 */
class RawQueryCharactersTest extends ApiTest {

  private RawHttp raw;

  @BeforeEach
  void createCarParks() {
    raw = new RawHttp(port);
    for (String[] p :
        new String[][] {
          {"ozeaneum", "121", "13.0969,54.3152"}, {"bahnhof", "12", "13.0775,54.3081"}
        }) {
      String body =
          """
          {"id": "urn:ngsi-ld:OffStreetParking:%s", "type": "OffStreetParking",
           "availableSpotNumber": %s, "name": "%s",
           "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [%s]}}}
          """
              .formatted(p[0], p[1], p[0], p[2]);
      assertThat(http.post(ENTITIES, body).status()).isEqualTo(201);
    }
  }

  @Test
  void acceptsARawGreaterThanInQ() {
    RawHttp.Response response =
        get("/ngsi-ld/v1/entities?type=OffStreetParking&q=availableSpotNumber>100");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(ids(response)).containsExactly("urn:ngsi-ld:OffStreetParking:ozeaneum");
  }

  @Test
  void acceptsRawQuotesAndBarsInQ() {
    RawHttp.Response response =
        get("/ngsi-ld/v1/entities?type=OffStreetParking&q=name==\"bahnhof\"|availableSpotNumber<0");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(ids(response)).containsExactly("urn:ngsi-ld:OffStreetParking:bahnhof");
  }

  @Test
  void acceptsRawBracketsInTheCoordinatesOfAGeoQuery() {
    RawHttp.Response response =
        get(
            "/ngsi-ld/v1/entities?type=OffStreetParking&georel=near;maxDistance==500"
                + "&geometry=Point&coordinates=[13.0970,54.3150]");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(ids(response)).containsExactly("urn:ngsi-ld:OffStreetParking:ozeaneum");
  }

  @Test
  void acceptsRawBracketsOfAPolygonInAGeoQuery() {
    RawHttp.Response response =
        get(
            "/ngsi-ld/v1/entities?type=OffStreetParking&georel=within&geometry=Polygon"
                + "&coordinates=[[[13.07,54.30],[13.09,54.30],[13.09,54.31],[13.07,54.31],[13.07,54.30]]]");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(ids(response)).containsExactly("urn:ngsi-ld:OffStreetParking:bahnhof");
  }

  /**
   * Each of them reaches the broker's q parser: in a string it is matched ({@code "} ends the
   * string early, which the parser refuses with its own message), never Tomcat's 400 page.
   */
  @ParameterizedTest
  @ValueSource(strings = {"<", ">", "\"", "[", "]", "{", "}", "|", "^", "`"})
  void letsEveryRelaxedCharacterReachTheBroker(String character) {
    RawHttp.Response response =
        get("/ngsi-ld/v1/entities?type=OffStreetParking&q=name==\"a" + character + "b\"");

    if (character.equals("\"")) {
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().path("detail").asString()).contains("in q: name==\"a\"b\"");
    } else {
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      assertThat(response.json().isArray()).as(response.toString()).isTrue();
    }
  }

  private RawHttp.Response get(String target) {
    return raw.get(target, Map.of("NGSILD-Tenant", tenant));
  }

  private static List<String> ids(RawHttp.Response response) {
    List<String> ids = new ArrayList<>();
    response.json().forEach(e -> ids.add(e.path("id").asString()));
    return ids;
  }
}
