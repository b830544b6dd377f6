package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sundwerk.app.TestAdmin;

/**
 * The front doors over HTTP with the app's clock set to a summer and a winter day: which tiles a
 * group sees first, which car parks (nearest to the old town with free spaces), which events (not
 * past ones, none beyond a week), in German and English.
 */
class FrontDoorsTest extends PortalClockTest {

  /** 15 July 2027, 10:00 UTC: bathing season. */
  static final Instant JULY = Instant.parse("2027-07-15T10:00:00Z");

  /** 15 January 2027, 10:00 UTC. */
  static final Instant JANUARY = Instant.parse("2027-01-15T10:00:00Z");

  private static final Pattern TILE = Pattern.compile("data-tile=\"([a-z-]+)\"");
  private static final Pattern ITEM = Pattern.compile("class=\"item\" data-id=\"([^\"]+)\"");

  @Test
  void aTouristInJulySeesBathingWaterBeachParkingEventsAndBikesFirst() {
    String tenant = tenant();
    CLOCK.set(JULY);
    city(tenant, JULY);

    String page = visitor().get("/touristen?tenant=" + tenant).body();

    assertThat(tiles(page))
        .containsExactly("water", "beach", "parking", "events", "bike", "museum");
    assertThat(page).contains("<html lang=\"de\"", "Für Gäste der Stadt", "Badesaison");
    assertThat(items(page, "parking"))
        .as("nearest to the Alter Markt first, the full one left out")
        .containsExactly(
            id("OffStreetParking", tenant, "near"), id("OffStreetParking", tenant, "far"));
    assertThat(items(page, "events"))
        .as("only the event within 7 days; not the past one, not the one in 10 days")
        .containsExactly(id("Event", tenant, "in-3-days"));
    assertThat(page)
        .contains("href=\"/orte/" + id("OffStreetParking", tenant, "near") + "\"")
        .contains("href=\"/?kind=parking&amp;tenant=" + tenant + "\"")
        .contains("40 von 290 Plätzen frei")
        .contains("Ausgezeichnete Badewasserqualität");
  }

  @Test
  void aTouristInJanuarySeesEventsAndMuseumsBeforeParking() {
    String tenant = tenant();
    CLOCK.set(JANUARY);
    city(tenant, JANUARY);

    String page = visitor().get("/touristen?tenant=" + tenant).body();

    assertThat(tiles(page)).containsExactly("events", "museum", "sight", "parking", "weather");
    assertThat(page).contains("Winterhalbjahr").doesNotContain("Badesaison");
  }

  @Test
  void aSeniorInJanuaryFindsIndoorPlacesBusPharmaciesAndWinterServiceFirst() {
    String tenant = tenant();
    CLOCK.set(JANUARY);
    city(tenant, JANUARY);

    String page = visitor().get("/senioren?tenant=" + tenant + "&lang=en").body();

    assertThat(tiles(page))
        .containsExactly(
            "museum", "link-shuttle", "link-pharmacy", "link-winter", "events", "link-easy");
    assertThat(page)
        .contains("<html lang=\"en\"", "For seniors", "Pharmacies on duty")
        .contains("href=\"https://www.aponet.de/apotheke/notdienstsuche\"");
  }

  @Test
  void aSeniorInJulySeesEventsAndBathingWaterFirst() {
    String tenant = tenant();
    CLOCK.set(JULY);
    city(tenant, JULY);

    String page = visitor().get("/senioren?tenant=" + tenant).body();

    assertThat(tiles(page))
        .containsExactly("events", "water", "link-shuttle", "link-pharmacy", "air", "link-easy");
  }

  @Test
  void everyDoorAnswersInGermanAndEnglishForEverySeason() {
    String tenant = tenant();
    for (Instant day : List.of(JULY, JANUARY)) {
      CLOCK.set(day);
      for (String door : List.of("einwohner", "touristen", "senioren", "familien", "unternehmen")) {
        Visitor.Page german = visitor().get("/" + door + "?tenant=" + tenant);
        Visitor.Page english = visitor().get("/" + door + "?tenant=" + tenant + "&lang=en");
        assertThat(german.status()).as(door).isEqualTo(200);
        assertThat(english.status()).as(door).isEqualTo(200);
        assertThat(german.body()).contains("<html lang=\"de\"", "aria-current=\"page\"");
        assertThat(english.body()).contains("<html lang=\"en\"");
        assertThat(tiles(german.body())).as(door).isNotEmpty();
      }
    }
  }

  @Test
  void theNavigationLeadsToEveryDoorAndTheFooterToTheLegalPages() {
    String page = visitor().get("/").body();

    assertThat(page)
        .contains("href=\"/einwohner\"", "href=\"/touristen\"", "href=\"/senioren\"")
        .contains("href=\"/familien\"", "href=\"/unternehmen\"", "href=\"/suche\"")
        .contains("href=\"/impressum\"", "href=\"/datenschutz\"", "href=\"/barrierefreiheit\"")
        .contains("href=\"/leichte-sprache\"");
  }

  // ---- the test city ----

  private static String tenant() {
    return "doors-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String id(String type, String tenant, String name) {
    return "urn:ngsi-ld:" + type + ":" + tenant + ":" + name;
  }

  /** Tile keys in page order. */
  private static List<String> tiles(String page) {
    List<String> keys = new ArrayList<>();
    Matcher m = TILE.matcher(page);
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  /** Entity ids listed in one tile, in page order. */
  private static List<String> items(String page, String tile) {
    int start = page.indexOf("data-tile=\"" + tile + "\"");
    assertThat(start).as("tile " + tile).isNotNegative();
    int end = page.indexOf("data-tile=", start + 10);
    String section = page.substring(start, end < 0 ? page.length() : end);
    List<String> ids = new ArrayList<>();
    Matcher m = ITEM.matcher(section);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private void city(String tenant, Instant now) {
    String parking = context("Parking");
    create(
        tenant,
        parking,
        parking(id("OffStreetParking", tenant, "near"), "Nah", 54.3165, 13.0920, 40, 290));
    create(
        tenant,
        parking,
        parking(id("OffStreetParking", tenant, "far"), "Fern", 54.3000, 13.0500, 100, 500));
    create(
        tenant,
        parking,
        parking(id("OffStreetParking", tenant, "full"), "Voll", 54.3160, 13.0905, 0, 100));
    create(
        tenant,
        context("WaterQuality"),
        """
        {"id": "%s", "type": "WaterQualityObserved",
         "name": {"type": "Property", "value": "Badewasser"},
         "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [13.0835, 54.3296]}},
         "temperature": {"type": "Property", "value": 19.5},
         "escherichiaColi": {"type": "Property", "value": 30}}
        """
            .formatted(id("WaterQualityObserved", tenant, "strandbad")));
    String poi = context("PointOfInterest");
    create(tenant, poi, place("Beach", id("Beach", tenant, "strandbad"), "Strandbad"));
    create(tenant, poi, place("Museum", id("Museum", tenant, "ozeaneum"), "Ozeaneum"));
    create(
        tenant, poi, place("PointOfInterest", id("PointOfInterest", tenant, "rathaus"), "Rathaus"));
    String events = context("TourismDestinations");
    create(tenant, events, event(id("Event", tenant, "past"), now.minus(Duration.ofDays(2))));
    create(tenant, events, event(id("Event", tenant, "in-3-days"), now.plus(Duration.ofDays(3))));
    create(tenant, events, event(id("Event", tenant, "in-10-days"), now.plus(Duration.ofDays(10))));
    create(
        tenant,
        context("Transportation"),
        """
        {"id": "%s", "type": "BikeHireDockingStation",
         "name": {"type": "Property", "value": "Hauptbahnhof"},
         "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [13.0772, 54.3086]}},
         "availableBikeNumber": {"type": "Property", "value": 6},
         "freeSlotNumber": {"type": "Property", "value": 4}}
        """
            .formatted(id("BikeHireDockingStation", tenant, "hbf")));
  }

  private static String parking(
      String id, String name, double lat, double lon, int free, int total) {
    return """
        {"id": "%s", "type": "OffStreetParking", "name": {"type": "Property", "value": "%s"},
         "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [%s, %s]}},
         "availableSpotNumber": {"type": "Property", "value": %d},
         "totalSpotNumber": {"type": "Property", "value": %d}}
        """
        .formatted(id, name, lon, lat, free, total);
  }

  private static String place(String type, String id, String name) {
    return """
        {"id": "%s", "type": "%s", "name": {"type": "Property", "value": "%s"},
         "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [13.09, 54.315]}}}
        """
        .formatted(id, type, name);
  }

  private static String event(String id, Instant start) {
    return """
        {"id": "%s", "type": "Event", "name": {"type": "Property", "value": "%s"},
         "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [13.0904, 54.316]}},
         "startDate": {"type": "Property", "value": "%s"},
         "endDate": {"type": "Property", "value": "%s"}}
        """
        .formatted(
            id, id.substring(id.lastIndexOf(':') + 1), start, start.plus(Duration.ofHours(3)));
  }

  private static String context(String domain) {
    return "https://raw.githubusercontent.com/smart-data-models/dataModel."
        + domain
        + "/master/context.jsonld";
  }

  private void create(String tenant, String context, String entity) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base() + "/ngsi-ld/v1/entities"))
            .header("Content-Type", "application/json")
            .header(
                "Link",
                "<"
                    + context
                    + ">; rel=\"http://www.w3.org/ns/json-ld#context\";"
                    + " type=\"application/ld+json\"")
            .header("NGSILD-Tenant", tenant)
            .header(TestAdmin.HEADER, TestAdmin.KEY)
            .POST(HttpRequest.BodyPublishers.ofString(entity))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
