package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The detail pages {@code /orte/{id}} over HTTP: what a bathing water page says (rating, the
 * directive's thresholds, when it was measured, in German and English), that an attribute hidden
 * from anonymous readers stays hidden, that an unknown place is a German 404 page in the layout,
 * and that the history endpoint answers with buckets aggregated by the temporal store.
 */
class PlaceTest extends PortalTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void bathingWaterPageShowsRatingThresholdsAndWhenItWasMeasured() {
    String id = "urn:ngsi-ld:WaterQualityObserved:kueste:" + UUID.randomUUID();
    data()
        .create(
            "kueste",
            PlaceData.WATER_CONTEXT,
            """
        {"id": "%s", "type": "WaterQualityObserved",
         "name": {"type": "Property", "value": "Badewasser Teststrand"},
         "description": {"type": "LanguageProperty",
           "languageMap": {"de": "Messstelle am Teststrand.", "en": "Station at the test beach."}},
         "address": {"type": "Property", "value": {"streetAddress": "Sundpromenade",
           "postalCode": "18439", "addressLocality": "Stralsund"}},
         "temperature": {"type": "Property", "value": 17.5, "observedAt": "2026-06-01T08:00:00Z"},
         "escherichiaColi": {"type": "Property", "value": 30, "observedAt": "2026-06-01T08:00:00Z"},
         "enterococci": {"type": "Property", "value": 15, "observedAt": "2026-06-01T08:00:00Z"},
         "dataProvider": {"type": "Property", "value": "Landesamt Test"}}
        """
                .formatted(id));

    Visitor.Page german = visitor().get(PlaceData.place(id, "kueste") + "&lang=de");

    assertThat(german.status()).isEqualTo(200);
    assertThat(german.body())
        .contains("<h1>Badewasser Teststrand</h1>")
        .contains("Messstelle am Teststrand.")
        .contains("Sundpromenade, 18439 Stralsund")
        .contains("<strong>Ausgezeichnet</strong>")
        .contains("E. coli 30 KBE je 100 ml und intestinale Enterokokken 15 KBE je 100 ml")
        .contains("<td>bis 100</td>", "<td>bis 200</td>", "<td>bis 185</td>")
        .contains("<td>bis 250</td>", "<td>bis 500</td>")
        .contains("2006/7/EG, Anhang I, Küsten- und Übergangsgewässer")
        .contains("17,5\u00a0°C")
        // 08:00 UTC is 10:00 summer time in Stralsund.
        .contains("gemessen am 01.06.2026, 10:00")
        .contains("Quelle: Landesamt Test");

    Visitor.Page english = visitor().get(PlaceData.place(id, "kueste") + "&lang=en");

    assertThat(english.body())
        .contains("lang=\"en\"")
        .contains("Station at the test beach.")
        .contains("<strong>Excellent</strong>")
        .contains("2006/7/EC, Annex I, coastal and transitional waters")
        .contains("measured on Jun 1, 2026, 10:00");
  }

  @Test
  void ratesABathingWaterAboveTheGoodValueAsRaisedCountFromCurrentSamplesOnly() {
    String id = "urn:ngsi-ld:WaterQualityObserved:kueste:" + UUID.randomUUID();
    data()
        .create(
            "kueste",
            PlaceData.WATER_CONTEXT,
            """
        {"id": "%s", "type": "WaterQualityObserved",
         "escherichiaColi": {"type": "Property", "value": 740, "observedAt": "2026-07-01T08:00:00Z"},
         "enterococci": {"type": "Property", "value": 15, "observedAt": "2026-01-01T08:00:00Z"}}
        """
                .formatted(id));

    Visitor.Page page = visitor().get(PlaceData.place(id, "kueste") + "&lang=de");

    assertThat(page.body())
        .contains("<strong>Erhöhte Keimbelastung</strong>")
        .contains("über den Werten für gute Qualität an der Küste (500 E. coli, 200 Enterokokken")
        // A sample half a year older is shown with its date but not rated with the new one.
        .contains("Gemessen: E. coli 740 KBE je 100 ml.")
        .contains("gemessen am 01.01.2026, 09:00");
  }

  @Test
  void leavesOutWhatAnonymousVisitorsMayNotSee() {
    // application.yml: in Stralsund only partners see dateLastEmptying, only the Stadtwerke and the
    // city binCapacity of the Stadtwerke's waste containers.
    String id = "urn:ngsi-ld:WasteContainer:stralsund:" + UUID.randomUUID();
    data()
        .create(
            "stralsund",
            PlaceData.WASTE_CONTEXT,
            """
        {"id": "%s", "type": "WasteContainer",
         "name": {"type": "Property", "value": "Container Testmarkt"},
         "fillingLevel": {"type": "Property", "value": 0.5, "observedAt": "2026-06-01T08:00:00Z"},
         "binCapacity": {"type": "Property", "value": 1100},
         "dateLastEmptying": {"type": "Property", "value": "2026-05-30T06:00:00Z"}}
        """
                .formatted(id));

    Visitor.Page page = visitor().get(PlaceData.place(id, "stralsund") + "&lang=de");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Füllstand", "50\u00a0%", "Noch Platz");
    assertThat(page.body()).doesNotContain("Behältervolumen", "1100", "1.100", "2026-05-30");
  }

  @Test
  void museumPageShowsAddressOpeningHoursPricesAndAccessibilityWithoutHistory() {
    String id = "urn:ngsi-ld:Museum:kueste:" + UUID.randomUUID();
    data()
        .create(
            "kueste",
            "https://raw.githubusercontent.com/smart-data-models/dataModel.PointOfInterest/master/context.jsonld",
            """
            {"id": "%s", "type": "Museum",
             "name": {"type": "Property", "value": "Testmuseum"},
             "address": {"type": "Property", "value": {"streetAddress": "Hafenstraße 11",
               "postalCode": "18439", "addressLocality": "Stralsund"}},
             "openingHours": {"type": "LanguageProperty",
               "languageMap": {"de": "Täglich 10–17 Uhr", "en": "Daily 10 am–5 pm"}},
             "priceDescription": {"type": "LanguageProperty",
               "languageMap": {"de": "Eintritt 5 €", "en": "Admission €5"}},
             "accessibility": {"type": "LanguageProperty",
               "languageMap": {"de": "Aufzug vorhanden", "en": "Lift available"}}}
            """
                .formatted(id));

    Visitor.Page german = visitor().get(PlaceData.place(id, "kueste") + "&lang=de");
    Visitor.Page english = visitor().get(PlaceData.place(id, "kueste") + "&lang=en");

    assertThat(german.status()).isEqualTo(200);
    assertThat(german.body())
        .contains("Hafenstraße 11, 18439 Stralsund")
        .contains("Öffnungszeiten", "Täglich 10–17 Uhr")
        .contains("Preise", "Eintritt 5 €")
        .contains("Barrierefreiheit", "Aufzug vorhanden")
        .doesNotContain("id=\"history\"", "id=\"rating\"");
    assertThat(english.body()).contains("Daily 10 am–5 pm", "Admission €5", "Lift available");
  }

  @Test
  void unknownPlaceIsAGermanNotFoundPageInTheLayout() {
    Visitor.Page page = visitor().get("/orte/urn:ngsi-ld:Nothing:here");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body())
        .contains("lang=\"de\"")
        .contains("<header class=\"site\">")
        .contains("<h1>Ort nicht gefunden</h1>")
        .doesNotContain("Whitelabel");
    assertThat(visitor().get("/orte/urn:ngsi-ld:Nothing:here/verlauf?attr=temperature").status())
        .isEqualTo(404);
  }

  @Test
  void historyEndpointAnswersWithHourlyBucketsAggregatedByTheStore() throws IOException {
    String id = "urn:ngsi-ld:WaterQualityObserved:kueste:" + UUID.randomUUID();
    data()
        .create(
            "kueste",
            PlaceData.WATER_CONTEXT,
            """
        {"id": "%s", "type": "WaterQualityObserved",
         "temperature": {"type": "Property", "value": 12.0, "observedAt": "2024-01-01T08:00:00Z"}}
        """
                .formatted(id));
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
    data()
        .addWaterHistory(
            "kueste",
            id,
            "temperature",
            List.of(
                PlaceData.instance(10.0, hour.plus(10, ChronoUnit.MINUTES)),
                PlaceData.instance(20.0, hour.plus(20, ChronoUnit.MINUTES)),
                PlaceData.instance(30.0, hour.plus(70, ChronoUnit.MINUTES))));

    Visitor.Page page =
        visitor()
            .get(
                PlaceData.place(id, "kueste").replace("?", "/verlauf?")
                    + "&attr=temperature&period=day");

    assertThat(page.status()).isEqualTo(200);
    JsonNode body = JSON.readTree(page.body());
    assertThat(body.path("unit").asString()).isEqualTo("°C");
    List<String> points = new ArrayList<>();
    body.path("points").forEach(p -> points.add(p.toString()));
    long start = hour.getEpochSecond();
    assertThat(points)
        .containsExactly(
            "[" + start + ",15.0,10.0,20.0]", "[" + (start + 3600) + ",30.0,30.0,30.0]");

    Visitor.Page table = visitor().get(PlaceData.place(id, "kueste") + "&lang=de&period=day");
    assertThat(table.body())
        .contains("<td>15,0</td>", "<td>10,0</td>", "<td>20,0</td>")
        .contains("niedrigster Wert 10,0\u00a0°C", "höchster Wert 30,0\u00a0°C");
  }

  private PlaceData data() {
    return new PlaceData(base());
  }
}
