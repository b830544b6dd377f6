package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The front doors over HTTP with the app's clock set to a summer and a winter day: which tiles a
 * group sees first, which car parks (nearest to the old town with free spaces), which events (not
 * past ones, none beyond a week), in German and English.
 */
class FrontDoorsTest extends PortalClockTest {

  /** 15 July 2026, 10:00 UTC: bathing season. */
  static final Instant JULY = Instant.parse("2026-07-15T10:00:00Z");

  /** 15 January 2026, 10:00 UTC. */
  static final Instant JANUARY = Instant.parse("2026-01-15T10:00:00Z");

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
        .contains(
            "href=\"/orte/" + id("OffStreetParking", tenant, "near") + "?tenant=" + tenant + "\"")
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
    for (Instant day : List.of(JANUARY, JULY)) {
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
    DoorCity.create(base(), tenant, now);
  }
}
