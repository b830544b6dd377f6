package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * One bad entity does not take down a tenant's portal: valid NGSI-LD that the map cannot read (an
 * Event whose startDate is not a date, a Museum whose name is an object) leaves the map, the list
 * and the markers answering, with the other entities shown.
 */
class CityMapRobustnessTest extends CityTest {

  private static final String TENANT = "robust";

  @Test
  void showsTheOtherEntitiesWhenOneCannotBeRead() {
    create(
        "TourismDestinations",
        """
        {"id": "urn:ngsi-ld:Event:robust:soon", "type": "Event",
         "name": {"type": "Property", "value": "Hafenfest"},
         "startDate": {"type": "Property", "value": "soon"},
         "location": {"type": "GeoProperty",
                      "value": {"type": "Point", "coordinates": [13.09, 54.31]}}}
        """);
    create(
        "PointOfInterest",
        """
        {"id": "urn:ngsi-ld:Museum:robust:object-name", "type": "Museum",
         "name": {"type": "Property", "value": {"text": {"de": "Meeresmuseum"}}},
         "location": {"type": "GeoProperty",
                      "value": {"type": "Point", "coordinates": [13.08, 54.31]}}}
        """);
    create(
        "Parking",
        """
        {"id": "urn:ngsi-ld:OffStreetParking:robust:good", "type": "OffStreetParking",
         "name": {"type": "Property", "value": "Parkhaus Gut"},
         "availableSpotNumber": {"type": "Property", "value": 12},
         "totalSpotNumber": {"type": "Property", "value": 100},
         "location": {"type": "GeoProperty",
                      "value": {"type": "Point", "coordinates": [13.07, 54.31]}}}
        """);

    HttpResponse<String> map = page("/?tenant=" + TENANT + "&lang=en");
    HttpResponse<String> markers = page("/portal/markers?tenant=" + TENANT);

    assertThat(map.statusCode()).as(map.body()).isEqualTo(200);
    assertThat(markers.statusCode()).as(markers.body()).isEqualTo(200);
    assertThat(map.body()).contains("Parkhaus Gut", "12 of 100", "Hafenfest");
    assertThat(markers.body())
        .contains(
            "urn:ngsi-ld:OffStreetParking:robust:good",
            "urn:ngsi-ld:Event:robust:soon",
            "urn:ngsi-ld:Museum:robust:object-name");
  }

  private void create(String domain, String entity) {
    Response created =
        post(
            "/ngsi-ld/v1/entities",
            entity,
            "NGSILD-Tenant",
            TENANT,
            "Link",
            link(
                "https://raw.githubusercontent.com/smart-data-models/dataModel."
                    + domain
                    + "/master/context.jsonld"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }
}
