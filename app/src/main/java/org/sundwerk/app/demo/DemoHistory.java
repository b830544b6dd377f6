package org.sundwerk.app.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.sundwerk.broker.temporal.TemporalOperations;
import org.sundwerk.broker.temporal.TimeFilter;
import org.sundwerk.broker.temporal.TimeProperty;
import org.sundwerk.broker.temporal.Timerel;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A year of plausible past readings for the demo's car parks, bathing water, air and weather
 * stations, so that the portal's history charts show something on the first start: written through
 * Create or Update Temporal Evolution (the operation behind {@code POST /temporal/entities}), which
 * leaves the current state alone. Hourly for the last {@link #HOURLY} days, every three hours
 * (local time) before; bathing water samples (E. coli, enterococci) once a day. Idempotent: an
 * entity whose history already reaches back a year (from an earlier start) is skipped. Values come
 * from {@link SensorModels} with a random source seeded per entity, so every start writes the same
 * year.
 */
public final class DemoHistory {

  private static final System.Logger LOG = System.getLogger(DemoHistory.class.getName());
  private static final ZoneId STRALSUND = ZoneId.of("Europe/Berlin");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** How far back the history goes. */
  static final Duration YEAR = Duration.ofDays(365);

  /** The recent days with hourly readings. */
  static final int HOURLY = 14;

  private final TemporalOperations temporal;
  private final DemoCity city;
  private final Clock clock;

  public DemoHistory(TemporalOperations temporal, DemoCity city, Clock clock) {
    this.temporal = temporal;
    this.city = city;
    this.clock = clock;
  }

  /** Writes the missing histories; returns how many instances were written. */
  public long seed() {
    long started = System.nanoTime();
    Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
    long written = 0;
    int entities = 0;
    for (DemoCity.Municipality municipality : city.municipalities()) {
      for (Entity entity : municipality.entities()) {
        Optional<String> type = seededType(entity);
        if (type.isEmpty()) {
          continue;
        }
        String marker = city.expand(type.get(), markerTerm(type.get()));
        if (hasYear(municipality.tenant(), entity.id(), marker, now)) {
          continue;
        }
        Map<String, List<Attribute>> instances = history(type.get(), entity, now);
        temporal
            .createOrUpdate()
            .handle(municipality.tenant(), entity.id(), entity.types(), instances);
        written += instances.values().stream().mapToLong(List::size).sum();
        entities++;
      }
    }
    LOG.log(
        System.Logger.Level.INFO,
        "demo city: history of {0} entities written ({1} instances) in {2} ms",
        entities,
        written,
        (System.nanoTime() - started) / 1_000_000);
    return written;
  }

  private Optional<String> seededType(Entity entity) {
    for (String type :
        List.of(
            "OffStreetParking", "WaterQualityObserved", "AirQualityObserved", "WeatherObserved")) {
      if (entity.types().contains(city.expand(type, type))) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  private static String markerTerm(String type) {
    return switch (type) {
      case "OffStreetParking" -> "availableSpotNumber";
      case "AirQualityObserved" -> "no2";
      default -> "temperature";
    };
  }

  /** Whether the entity has a reading of {@code attribute} in the first week of the year. */
  private boolean hasYear(String tenant, String id, String attribute, Instant now) {
    Instant from = now.minus(YEAR);
    TimeFilter filter =
        new TimeFilter(
            Set.of(attribute),
            TimeProperty.OBSERVED_AT,
            Optional.of(
                new Timerel(
                    Timerel.Relation.BETWEEN, from, Optional.of(from.plus(Duration.ofDays(7))))),
            OptionalInt.of(1));
    try {
      return !temporal
          .retrieve()
          .handle(tenant, id, filter)
          .attributes()
          .getOrDefault(attribute, List.of())
          .isEmpty();
    } catch (NgsiLdException e) {
      if (e.httpStatus() == 404) {
        return false;
      }
      throw e;
    }
  }

  private Map<String, List<Attribute>> history(String type, Entity entity, Instant now) {
    Random random = new Random(entity.id().hashCode());
    Map<String, List<Attribute>> instances = new LinkedHashMap<>();
    Instant hourlyFrom = now.minus(Duration.ofDays(HOURLY));
    boolean touristic =
        entity.id().contains("ozeaneum")
            || entity.id().contains("hafen")
            || entity.id().contains("65");
    boolean roadside = entity.id().contains("damm");
    int total = number(type, entity, "totalSpotNumber").orElse(100);
    for (Instant t = now.minus(YEAR); !t.isAfter(now); t = t.plus(Duration.ofHours(1))) {
      ZonedDateTime local = t.atZone(STRALSUND);
      boolean sampled = !t.isBefore(hourlyFrom) || local.getHour() % 3 == 0;
      boolean waterSample = type.equals("WaterQualityObserved") && local.getHour() == 8;
      if (!sampled && !waterSample) {
        continue;
      }
      switch (type) {
        case "OffStreetParking" -> {
          double occupancy = SensorModels.parkingOccupancy(local, touristic, random);
          add(instances, type, "availableSpotNumber", Math.round(total * (1 - occupancy)), t, null);
        }
        case "WaterQualityObserved" -> {
          if (sampled) {
            add(
                instances,
                type,
                "temperature",
                SensorModels.waterTemperature(local, random),
                t,
                "CEL");
          }
          if (waterSample) {
            int ecoli = SensorModels.escherichiaColi(random);
            add(instances, type, "escherichiaColi", ecoli, t, "MPN");
            add(instances, type, "enterococci", SensorModels.enterococci(ecoli, random), t, null);
          }
        }
        case "AirQualityObserved" -> {
          double pm10 = SensorModels.pm10(local, random);
          add(
              instances,
              type,
              "no2",
              SensorModels.nitrogenDioxide(local, roadside, random),
              t,
              "GQ");
          add(instances, type, "pm10", pm10, t, "GQ");
          add(instances, type, "pm25", Math.round(pm10 * 6.0) / 10.0, t, "GQ");
          add(instances, type, "o3", SensorModels.ozone(local, random), t, "GQ");
        }
        default -> {
          add(instances, type, "temperature", SensorModels.airTemperature(local, random), t, "CEL");
          add(instances, type, "windSpeed", SensorModels.windSpeed(local, random), t, "MTS");
        }
      }
    }
    return instances;
  }

  private void add(
      Map<String, List<Attribute>> instances,
      String type,
      String term,
      double value,
      Instant observedAt,
      String unitCode) {
    instances
        .computeIfAbsent(city.expand(type, term), name -> new ArrayList<>())
        .add(
            new Attribute(
                AttributeKind.PROPERTY,
                value == Math.rint(value) && Math.abs(value) < 1e9
                    ? JSON.numberNode((long) value)
                    : JSON.numberNode(value),
                null,
                observedAt,
                unitCode,
                null,
                null,
                Map.of()));
  }

  private Optional<Integer> number(String type, Entity entity, String term) {
    return entity
        .defaultInstance(city.expand(type, term))
        .map(Attribute::value)
        .filter(v -> v.isNumber())
        .map(v -> v.asInt());
  }
}
