package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.ingestion.Ingestion;
import tools.jackson.databind.JsonNode;

/** The simulator's readings arrive through the ingestion and look like Stralsund's. */
class CitySimulatorTest extends CityTest {

  @Autowired Ingestion ingestion;
  @Autowired DemoCity city;

  @Test
  void everyDeviceReadingIsAcceptedAndPlausible() {
    // A Saturday in August at 13:00 local time: the Ozeaneum's garage is busy.
    Clock clock = Clock.fixed(Instant.parse("2026-08-15T11:00:00Z"), ZoneOffset.UTC);
    CitySimulator simulator = new CitySimulator(ingestion, city, clock, new Random(42));

    int accepted = simulator.tick();

    int weatherStations = 2;
    assertThat(accepted).isEqualTo(ingestion.devices().size() + weatherStations);
    JsonNode ozeaneum =
        entity(STRALSUND, "urn:ngsi-ld:OffStreetParking:stralsund:parkhaus-am-ozeaneum");
    assertThat(ozeaneum.at("/occupancy/value").asDouble()).isGreaterThan(0.8);
    assertThat(ozeaneum.at("/occupancy/observedAt").asString())
        .isEqualTo("2026-08-15T11:00:00.000Z");
    JsonNode water = entity(STRALSUND, "urn:ngsi-ld:WaterQualityObserved:stralsund:strandbad");
    assertThat(water.at("/temperature/value").asDouble()).isBetween(15.0, 22.0);
    JsonNode weather = entity(STRALSUND, "urn:ngsi-ld:WeatherObserved:stralsund:hafen");
    assertThat(weather.at("/temperature/value").asDouble()).isBetween(10.0, 30.0);
    assertThat(weather.at("/temperature/observedAt").asString())
        .isEqualTo("2026-08-15T11:00:00.000Z");
    JsonNode bin = entity(STRALSUND, "urn:ngsi-ld:WasteContainer:stralsund:neuer-markt");
    assertThat(bin.at("/fillingLevel/value").asDouble()).isBetween(0.0, 1.0);
  }
}
