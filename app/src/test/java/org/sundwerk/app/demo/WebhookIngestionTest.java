package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Uplink fixtures of both network servers through the HTTP webhooks, checked on the entity. */
class WebhookIngestionTest extends CityTest {

  private static final String HAFEN = "urn:ngsi-ld:OffStreetParking:stralsund:parkhaus-am-hafen";
  private static final String BASTION =
      "urn:ngsi-ld:OffStreetParking:stralsund:parkplatz-schuetzenbastion";
  private static final String WATER = "urn:ngsi-ld:WaterQualityObserved:stralsund:strandbad";
  private static final String BIN = "urn:ngsi-ld:WasteContainer:stralsund:alter-markt";

  @Test
  void mergesTheDecodedObjectOfAChirpStackUplinkWithTheDeviceTime() {
    Response response =
        post("/ingestion/chirpstack?event=up", fixture("chirpstack-v4-parking-decoded.json"));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("result").asString()).isEqualTo("accepted");
    JsonNode garage = entity(STRALSUND, HAFEN);
    assertThat(garage.at("/availableSpotNumber/value").asInt()).isEqualTo(47);
    assertThat(garage.at("/availableSpotNumber/observedAt").asString())
        .isEqualTo("2026-07-18T09:33:28.823Z");
    assertThat(garage.at("/occupancy/value").asDouble()).isEqualTo(0.84);
    assertThat(garage.at("/totalSpotNumber/value").asInt()).isEqualTo(290);
  }

  @Test
  void decodesTheRawPayloadWhenChirpStackSentNoObject() {
    assertThat(post("/ingestion/chirpstack", fixture("chirpstack-v4-parking-raw.json")).status())
        .isEqualTo(200);

    JsonNode lot = entity(STRALSUND, BASTION);
    assertThat(lot.at("/availableSpotNumber/value").asInt()).isEqualTo(30);
    assertThat(lot.at("/occupancy/value").asDouble()).isEqualTo(0.77);
    assertThat(lot.at("/occupancy/observedAt").asString()).isEqualTo("2026-07-18T10:05:00.000Z");
  }

  @Test
  void decodesAThingsStackUplinkIntoWaterTemperatureAndEColi() {
    assertThat(post("/ingestion/ttn", fixture("tts-v3-water-raw.json")).status()).isEqualTo(200);

    JsonNode water = entity(STRALSUND, WATER);
    assertThat(water.at("/temperature/value").asDouble()).isEqualTo(18.5);
    assertThat(water.at("/temperature/unitCode").asString()).isEqualTo("CEL");
    assertThat(water.at("/escherichiaColi/value").asInt()).isEqualTo(42);
    assertThat(water.at("/temperature/observedAt").asString())
        .isEqualTo("2026-07-18T11:00:02.300Z");
  }

  @Test
  void aDuplicateUplinkChangesNothing() {
    byte[] uplink = fixture("tts-v3-bin-decoded.json");
    assertThat(post("/ingestion/ttn", uplink).json().path("result").asString())
        .isEqualTo("accepted");
    JsonNode before = entity(STRALSUND, BIN);

    Response again = post("/ingestion/ttn", uplink);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("result").asString()).isEqualTo("duplicate");
    assertThat(entity(STRALSUND, BIN)).isEqualTo(before);
    assertThat(before.at("/fillingLevel/value").asDouble()).isEqualTo(0.87);
  }

  @Test
  void rejectsAMalformedUplinkWithItsReason() {
    JsonNode before = entity(STRALSUND, HAFEN);

    Response response = post("/ingestion/chirpstack", fixture("chirpstack-v4-malformed.json"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("reason").asString()).isEqualTo("MALFORMED");
    assertThat(response.json().path("detail").asString()).contains("fCnt");
    assertThat(entity(STRALSUND, HAFEN)).isEqualTo(before);
  }

  @Test
  void rejectsTextThatIsNotJson() {
    Response response = post("/ingestion/ttn", "not json at all".getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("reason").asString()).isEqualTo("MALFORMED");
  }

  @Test
  void rejectsAnUplinkOfAnUnknownDevice() {
    Response response = post("/ingestion/chirpstack", fixture("chirpstack-v4-unknown-device.json"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("reason").asString()).isEqualTo("UNKNOWN_DEVICE");
    assertThat(response.json().path("detail").asString()).contains("ffffffffffffffff");
  }

  @Test
  void ignoresChirpStackEventsOtherThanUplinks() {
    Response response =
        post("/ingestion/chirpstack?event=join", "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("result").asString()).isEqualTo("ignored");
  }

  @Test
  void refusesPlainJsonForAnEntityThatDoesNotExist() {
    Response response =
        post(
            "/ingestion/json/stralsund/urn:ngsi-ld:Thing:none",
            "{\"temperature\": 3}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().path("reason").asString()).isEqualTo("REFUSED");
  }
}
