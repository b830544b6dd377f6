package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hosted contexts (clause 5.13) and their use by entity requests (clause 5.5.7). */
class JsonLdContextsTest extends ApiTest {

  private static final String CONTEXTS = "/ngsi-ld/v1/jsonldContexts";

  @Test
  void hostsAContextAndServesIt() {
    Http.Response added =
        http.send(
            "POST",
            CONTEXTS,
            "{\"@context\": {\"Bike\": \"https://sundwerk.org/ns/Bike\", \"dock\": \"https://sundwerk.org/ns/dock\"}}",
            Http.LD_JSON);

    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    String url = added.header("Location").orElseThrow();
    String id = url.substring(url.lastIndexOf('/') + 1);
    Http.Response served = http.get(CONTEXTS + "/" + id);
    assertThat(served.json().at("/@context/Bike").asString())
        .isEqualTo("https://sundwerk.org/ns/Bike");
    assertThat(http.get(CONTEXTS + "?details=true").json().toString()).contains(id);

    assertThat(http.delete(CONTEXTS + "/" + id).status()).isEqualTo(204);
    assertThat(http.get(CONTEXTS + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void expandsWithTheLinkedContextAndCompactsWithTheReadersContext() {
    Http parking = http.link(TestContexts.PARKING);
    parking.post(
        ENTITIES,
        "{\"id\": \"urn:ngsi-ld:OffStreetParking:hafen\", \"type\": \"OffStreetParking\", \"availableSpotNumber\": 12}");

    var withContext = parking.get(ENTITIES + "/urn:ngsi-ld:OffStreetParking:hafen").json();
    var withoutContext = http.get(ENTITIES + "/urn:ngsi-ld:OffStreetParking:hafen").json();

    assertThat(withContext.path("type").asString()).isEqualTo("OffStreetParking");
    assertThat(withContext.has("availableSpotNumber")).isTrue();
    assertThat(withoutContext.path("type").asString())
        .isEqualTo("https://smartdatamodels.org/dataModel.Parking/OffStreetParking");
    assertThat(
            withoutContext.has("https://smartdatamodels.org/dataModel.Parking/availableSpotNumber"))
        .isTrue();
    assertThat(
            parking
                .get(ENTITIES + "?type=OffStreetParking&q=availableSpotNumber==12")
                .json()
                .size())
        .isEqualTo(1);
  }
}
