package org.sundwerk.app.demo;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.sundwerk.ingestion.Device;
import org.sundwerk.ingestion.IngestResult;
import org.sundwerk.ingestion.Ingestion;
import org.sundwerk.ingestion.PayloadDecoder;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's field devices: each tick sends one LoRaWAN uplink per registered device through the
 * real ingestion path, as raw payload bytes in ChirpStack v4 or The Things Stack v3 uplink JSON
 * (alternating by device), so decoding, duplicate filtering and Merge Entity all run as for a real
 * sensor; the weather stations, which are not LoRaWAN devices, send the plain JSON message of the
 * {@code <prefix>/<tenant>/<entity-id>/attrs} topic. Not thread-safe: call {@link #tick()} from one
 * thread (the scheduler).
 */
public final class CitySimulator {

  private static final ZoneId STRALSUND = ZoneId.of("Europe/Berlin");
  private static final String WEATHER = "WeatherObserved";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Ingestion ingestion;
  private final DemoCity city;
  private final Clock clock;
  private final Random random;
  private final Map<String, Long> frameCounters = new HashMap<>();
  private final Map<String, Double> fillLevels = new HashMap<>();
  private Optional<Instant> lastTick = Optional.empty();

  /**
   * @param random the source of noise; seed it for repeatable runs
   */
  public CitySimulator(Ingestion ingestion, DemoCity city, Clock clock, Random random) {
    this.ingestion = ingestion;
    this.city = city;
    this.clock = clock;
    this.random = random;
  }

  /** Sends one reading per device and weather station; returns how many were accepted. */
  public int tick() {
    Instant now = clock.instant();
    double hours =
        lastTick.map(last -> Duration.between(last, now).toMillis() / 3_600_000.0).orElse(0.0);
    lastTick = Optional.of(now);
    ZonedDateTime local = now.atZone(STRALSUND);
    int accepted = 0;
    int index = 0;
    for (Device device : ingestion.devices().devices()) {
      Optional<byte[]> payload = device.decoder().map(d -> payload(d, device, local, hours));
      if (payload.isEmpty()) {
        continue;
      }
      long fCnt = frameCounters.merge(device.devEui(), 1L, Long::sum);
      IngestResult result =
          index++ % 2 == 0
              ? ingestion.chirpStack(chirpStack(device, now, fCnt, payload.get()))
              : ingestion.thingsStack(thingsStack(device, now, fCnt, payload.get()));
      if (result instanceof IngestResult.Accepted) {
        accepted++;
      }
    }
    for (DemoCity.Municipality municipality : city.municipalities()) {
      for (Entity station : municipality.entities()) {
        if (station.types().contains(city.expand(WEATHER, WEATHER))) {
          // Names as a device would send them: the ingestion's context makes them Weather's.
          ObjectNode reading = JSON.objectNode();
          reading.put("temperature", SensorModels.airTemperature(local, random));
          reading.put("windSpeed", SensorModels.windSpeed(local, random));
          reading.put("observedAt", now.toString());
          byte[] message = reading.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
          if (ingestion.attributes(municipality.tenant(), station.id(), message)
              instanceof IngestResult.Accepted) {
            accepted++;
          }
        }
      }
    }
    return accepted;
  }

  private byte[] payload(PayloadDecoder decoder, Device device, ZonedDateTime local, double hours) {
    String id = device.entityId();
    return switch (decoder) {
      case PARKING_OCCUPANCY -> {
        int total = number(id, "totalSpotNumber").orElse(100);
        boolean touristic = id.contains("ozeaneum") || id.contains("hafen") || id.contains("65");
        double occupancy = SensorModels.parkingOccupancy(local, touristic, random);
        int free = (int) Math.round(total * (1.0 - occupancy));
        yield ByteBuffer.allocate(4).putShort((short) free).putShort((short) total).array();
      }
      case AIR_QUALITY -> {
        boolean roadside = id.contains("damm");
        double no2 = SensorModels.nitrogenDioxide(local, roadside, random);
        double pm10 = SensorModels.pm10(local, random);
        double pm25 = Math.round(pm10 * 6.0) / 10.0;
        yield ByteBuffer.allocate(6)
            .putShort((short) Math.round(no2 * 10))
            .putShort((short) Math.round(pm10 * 10))
            .putShort((short) Math.round(pm25 * 10))
            .array();
      }
      case WATER_TEMPERATURE ->
          ByteBuffer.allocate(4)
              .putShort((short) Math.round(SensorModels.waterTemperature(local, random) * 100))
              .putShort((short) SensorModels.escherichiaColi(random))
              .array();
      case BIN_FILL_LEVEL -> {
        double start = fillLevels.computeIfAbsent(id, ignored -> random.nextDouble() * 0.6);
        double rate = 0.01 + (Math.abs(id.hashCode()) % 20) / 1000.0;
        double next = SensorModels.nextFillLevel(start, local, hours, rate, random);
        fillLevels.put(id, next);
        yield new byte[] {(byte) Math.round(next * 100)};
      }
    };
  }

  private Optional<Integer> number(String entityId, String term) {
    String name = city.expand("OffStreetParking", term);
    return city.municipalities().stream()
        .flatMap(m -> m.entities().stream())
        .filter(e -> e.id().equals(entityId))
        .findFirst()
        .flatMap((Entity e) -> e.defaultInstance(name))
        .map(Attribute::value)
        .filter(v -> v.isNumber())
        .map(v -> v.asInt());
  }

  private byte[] chirpStack(Device device, Instant now, long fCnt, byte[] payload) {
    ObjectNode event = JSON.objectNode();
    event.put("deduplicationId", uuid());
    event.put("time", now.toString());
    ObjectNode info = event.putObject("deviceInfo");
    info.put("tenantName", "Sundwerk demo");
    info.put("applicationName", "stralsund-sensors");
    info.put("deviceName", device.entityId());
    info.put("devEui", device.devEui());
    event.put("fCnt", fCnt);
    event.put("fPort", 1);
    event.put("data", Base64.getEncoder().encodeToString(payload));
    return event.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private byte[] thingsStack(Device device, Instant now, long fCnt, byte[] payload) {
    ObjectNode message = JSON.objectNode();
    ObjectNode ids = message.putObject("end_device_ids");
    ids.put("device_id", "sim-" + device.devEui());
    ids.putObject("application_ids").put("application_id", "stralsund-sensors");
    ids.put("dev_eui", device.devEui().toUpperCase(java.util.Locale.ROOT));
    message.putArray("correlation_ids").add("as:up:" + uuid());
    message.put("received_at", now.toString());
    ObjectNode uplink = message.putObject("uplink_message");
    uplink.put("f_port", 1);
    uplink.put("f_cnt", fCnt);
    uplink.put("frm_payload", Base64.getEncoder().encodeToString(payload));
    uplink.put("received_at", now.toString());
    return message.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }
}
