package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.broker.temporal.TemporalOperations;
import tools.jackson.databind.JsonNode;

/**
 * The demo city's history, written in the background at start: a year of readings for bathing
 * water, air, car parks and weather that the detail pages chart (hourly buckets for the last day,
 * daily for the year), written once (a second run writes nothing); and the air and car park pages
 * rate their readings.
 */
class DemoHistoryTest extends CityTest {

  private static final String WATER = "urn:ngsi-ld:WaterQualityObserved:stralsund:strandbad";

  @Autowired TemporalOperations temporal;
  @Autowired DemoCity city;
  @Autowired Clock clock;

  @Test
  void theDemoCityHasAYearOfHistoryToChart() {
    // The last entity the background run writes (one transaction each): then it is done.
    untilSeeded(
        "/orte/urn:ngsi-ld:AirQualityObserved:grimmen:markt/verlauf?tenant=grimmen&attr=no2"
            + "&period=year");
    JsonNode year = history(verlauf(WATER, "temperature", "year"));

    assertThat(year.path("points").size()).isBetween(364, 366);
    assertThat(history(verlauf(WATER, "temperature", "day")).path("points").size()).isEqualTo(24);
    assertThat(history(verlauf(WATER, "escherichiaColi", "year")).path("points").size())
        .isBetween(364, 366);
    assertThat(
            history(verlauf("urn:ngsi-ld:AirQualityObserved:stralsund:altstadt", "o3", "week"))
                .path("points")
                .size())
        .isBetween(25, 28);
    assertThat(
            history(
                    verlauf(
                        "urn:ngsi-ld:OffStreetParking:stralsund:parkhaus-am-hafen",
                        "availableSpotNumber",
                        "day"))
                .path("points")
                .size())
        .isEqualTo(24);
    assertThat(
            history(verlauf("urn:ngsi-ld:WeatherObserved:stralsund:hafen", "windSpeed", "year"))
                .path("points")
                .size())
        .isBetween(364, 366);

    assertThat(new DemoHistory(temporal, city, clock).seed()).isZero();
  }

  @Test
  void airAndCarParkPagesRateTheirReadings() {
    HttpResponse<String> air =
        page("/orte/urn:ngsi-ld:AirQualityObserved:stralsund:tribseer-damm?lang=en");
    assertThat(air.statusCode()).isEqualTo(200);
    assertThat(air.body())
        .contains("Air quality index of the German Environment Agency")
        .contains("Nitrogen dioxide (NO₂) 27 µg/m³ (Good)")
        .contains("<td>11–30</td>", "<td>above 100</td>");

    HttpResponse<String> parking =
        page("/orte/urn:ngsi-ld:OffStreetParking:stralsund:parkhaus-am-hafen?lang=de");
    assertThat(parking.body())
        .contains("Plätzen sind frei")
        .contains("Erste Stunde 1 €, Tageshöchstsatz 10 € im Sommer")
        .contains("Fährwall, 18439 Stralsund");
  }

  private static String verlauf(String id, String attr, String period) {
    return "/orte/" + id + "/verlauf?tenant=stralsund&attr=" + attr + "&period=" + period;
  }

  /** The chart data as an anonymous visitor's browser fetches it (the portal refuses API keys). */
  private JsonNode history(String path) {
    HttpResponse<String> response = page(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The history at {@code path} once the background seeding reached it (at most two minutes). */
  private JsonNode untilSeeded(String path) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    JsonNode history = history(path);
    while (history.path("points").size() < 364 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      history = history(path);
    }
    return history;
  }
}
