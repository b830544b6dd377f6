package org.sundwerk.portal.door;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.sundwerk.access.TenantId;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.ngsild.query.TypeQuery;
import org.sundwerk.portal.PortalGate;
import org.sundwerk.portal.PortalProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The live figures of a door tile: Query Entities through {@link PortalGate#publicEntities} (what
 * anonymous readers may see), one Smart Data Models type per {@link Source}, each entity turned
 * into an {@link Item}. Car parks come nearest to the old town first, only those with free spaces;
 * events only those not over that start within {@value #EVENT_DAYS} days. An entity that cannot be
 * read is left out. Thread-safe.
 */
@Component
final class LiveFigures {

  private static final String LOCATION = "https://uri.etsi.org/ngsi-ld/location";

  /** Alter Markt, the heart of the old town (WGS84; see the demo city facts). */
  static final double OLD_TOWN_LAT = 54.3161;

  static final double OLD_TOWN_LON = 13.0904;

  /** How far ahead the doors show events. */
  static final int EVENT_DAYS = 7;

  /** At most this many entries per tile: a door is a start page, the map has the rest. */
  static final int PER_TILE = 3;

  private static final int LIMIT = 500;

  private final PortalGate gate;
  private final MessageSource messages;
  private final ZoneId zone;
  private final Map<Source, TermDictionary> terms = new EnumMap<>(Source.class);

  LiveFigures(
      PortalGate gate, ContextResolver contexts, MessageSource messages, PortalProperties portal) {
    this.gate = gate;
    this.messages = messages;
    this.zone = portal.zone();
    for (Source source : Source.values()) {
      terms.put(source, contexts.resolve(JsonNodeFactory.instance.stringNode(source.contextUrl())));
    }
  }

  /** The items of {@code source} in {@code tenant} as of {@code now}, most useful first. */
  List<Item> items(String tenant, Source source, Instant now, Locale locale) {
    TermDictionary dictionary = terms.get(source);
    EntityQuery query =
        EntityQuery.all(LIMIT)
            .withType(Optional.of(new TypeQuery.Name(dictionary.expand(source.typeTerm()))));
    List<Entity> entities;
    try {
      entities = gate.publicEntities(TenantId.of(tenant), query);
    } catch (NgsiLdException | IllegalArgumentException e) {
      return List.of();
    }
    List<Ranked> ranked = new ArrayList<>();
    for (Entity entity : entities) {
      try {
        rank(source, new Reading(entity, dictionary), now, locale).ifPresent(ranked::add);
      } catch (RuntimeException unreadable) {
        // Valid NGSI-LD that this tile cannot show: leave it out, the map shows it.
      }
    }
    ranked.sort(Comparator.comparingDouble(Ranked::order).thenComparing(r -> r.item().name()));
    return ranked.stream().limit(PER_TILE).map(Ranked::item).toList();
  }

  private record Ranked(double order, Item item) {}

  private Optional<Ranked> rank(Source source, Reading r, Instant now, Locale locale) {
    String id = r.entity().id();
    String name = r.name(locale).orElse(id);
    return switch (source) {
      case PARKING -> {
        Optional<Double> free = r.number("availableSpotNumber");
        Optional<Double> total = r.number("totalSpotNumber");
        Optional<double[]> at = r.point();
        if (free.isEmpty() || total.isEmpty() || total.get() <= 0 || free.get() < 1) {
          yield Optional.empty();
        }
        double share = free.get() / total.get();
        double metres = at.map(p -> metres(p[0], p[1], OLD_TOWN_LAT, OLD_TOWN_LON)).orElse(1e9);
        yield Optional.of(
            new Ranked(
                metres,
                new Item(
                    id,
                    name,
                    text("state.parking", locale, free.get().intValue(), total.get().intValue()),
                    share < 0.1 ? "alert" : share < 0.25 ? "warn" : "ok",
                    at.isEmpty()
                        ? ""
                        : text("door.distance", locale, Math.round(metres / 50) * 50))));
      }
      case WATER -> {
        Optional<Double> temperature = r.number("temperature");
        Optional<Double> ecoli = r.number("escherichiaColi");
        if (temperature.isEmpty() || ecoli.isEmpty()) {
          yield Optional.of(new Ranked(0, new Item(id, name, "", "info", "")));
        }
        // EU bathing water directive 2006/7/EC, coastal waters: E. coli 250 excellent, 500 good.
        String level = ecoli.get() > 500 ? "alert" : ecoli.get() > 250 ? "warn" : "ok";
        yield Optional.of(
            new Ranked(
                0,
                new Item(
                    id,
                    name,
                    text("state.water", locale, temperature.get(), ecoli.get().intValue()),
                    level,
                    text("door.water." + level, locale))));
      }
      case EVENTS -> {
        Optional<Instant> start = r.text("startDate").flatMap(this::instant);
        Optional<Instant> end = r.text("endDate").flatMap(this::instant);
        if (start.isEmpty()) {
          yield Optional.empty();
        }
        Instant over = end.orElse(start.get());
        if (over.isBefore(now) || start.get().isAfter(now.plus(Duration.ofDays(EVENT_DAYS)))) {
          yield Optional.empty();
        }
        yield Optional.of(
            new Ranked(
                start.get().getEpochSecond(),
                new Item(id, name, when(start.get(), locale), "info", "")));
      }
      case BIKE -> {
        Optional<Double> bikes = r.number("availableBikeNumber");
        Optional<Double> slots = r.number("freeSlotNumber");
        if (bikes.isEmpty() || slots.isEmpty()) {
          yield Optional.of(new Ranked(0, new Item(id, name, "", "info", "")));
        }
        yield Optional.of(
            new Ranked(
                -bikes.get(),
                new Item(
                    id,
                    name,
                    text("state.bike", locale, bikes.get().intValue(), slots.get().intValue()),
                    bikes.get() == 0 ? "warn" : "ok",
                    "")));
      }
      case CHARGING -> {
        Optional<Double> available = r.number("availableCapacity");
        Optional<Double> capacity = r.number("capacity");
        if (available.isEmpty() || capacity.isEmpty()) {
          yield Optional.of(new Ranked(0, new Item(id, name, "", "info", "")));
        }
        yield Optional.of(
            new Ranked(
                -available.get(),
                new Item(
                    id,
                    name,
                    text(
                        "state.charging",
                        locale,
                        available.get().intValue(),
                        capacity.get().intValue()),
                    available.get() == 0 ? "warn" : "ok",
                    "")));
      }
      case AIR -> {
        Optional<Double> no2 = r.number("no2");
        Optional<Double> pm10 = r.number("pm10");
        if (no2.isEmpty() || pm10.isEmpty()) {
          yield Optional.of(new Ranked(0, new Item(id, name, "", "info", "")));
        }
        // EU limits: NO2 40 µg/m³ annual mean, PM10 50 µg/m³ daily mean.
        yield Optional.of(
            new Ranked(
                0,
                new Item(
                    id,
                    name,
                    text("state.air", locale, no2.get(), pm10.get()),
                    no2.get() > 100 || pm10.get() > 50 ? "alert" : no2.get() > 40 ? "warn" : "ok",
                    "")));
      }
      case WEATHER ->
          Optional.of(
              new Ranked(
                  0,
                  new Item(
                      id,
                      name,
                      r.number("temperature")
                          .map(
                              t ->
                                  text(
                                      "state.weather",
                                      locale,
                                      t,
                                      r.number("windSpeed").orElse(0.0)))
                          .orElse(""),
                      "info",
                      "")));
      case WASTE -> {
        Optional<Double> fill = r.number("fillingLevel");
        if (fill.isEmpty()) {
          yield Optional.empty();
        }
        // The emptiest first: a resident looks for a container with room.
        yield Optional.of(
            new Ranked(
                fill.get(),
                new Item(
                    id,
                    name,
                    text("state.waste", locale, (int) Math.round(fill.get() * 100)),
                    fill.get() > 0.8 ? "alert" : fill.get() > 0.6 ? "warn" : "ok",
                    "")));
      }
      case BEACH ->
          Optional.of(
              new Ranked(
                  0,
                  new Item(
                      id,
                      name,
                      r.text("occupationRate")
                          .map(rate -> text("door.beach." + rate, locale))
                          .orElse(""),
                      "info",
                      "")));
      case MUSEUM, SIGHT -> Optional.of(new Ranked(0, new Item(id, name, "", "info", "")));
    };
  }

  private String when(Instant start, Locale locale) {
    return DateTimeFormatter.ofPattern(
            "en".equals(locale.getLanguage()) ? "EEE d MMM, HH:mm" : "EEE, d. MMM, HH:mm 'Uhr'",
            locale)
        .withZone(zone)
        .format(start);
  }

  private Optional<Instant> instant(String value) {
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException notADateTime) {
      try {
        return Optional.of(LocalDate.parse(value).atStartOfDay(zone).toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /** Great-circle distance in metres (haversine; plenty within a city). */
  static double metres(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 6_371_000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  /** Attribute values of one entity by their terms. */
  private record Reading(Entity entity, TermDictionary terms) {

    Optional<JsonNode> value(String term) {
      return entity.defaultInstance(terms.expand(term)).map(Attribute::value);
    }

    Optional<Double> number(String term) {
      return value(term).filter(JsonNode::isNumber).map(JsonNode::asDouble);
    }

    Optional<String> text(String term) {
      return value(term).filter(JsonNode::isString).map(JsonNode::asString);
    }

    /** The location as {latitude, longitude} when it is a GeoJSON point. */
    Optional<double[]> point() {
      return entity
          .defaultInstance(LOCATION)
          .map(Attribute::value)
          .filter(v -> v.path("type").asString("").equals("Point"))
          .map(v -> v.path("coordinates"))
          .filter(c -> c.path(0).isNumber() && c.path(1).isNumber())
          .map(c -> new double[] {c.path(1).asDouble(), c.path(0).asDouble()});
    }

    /** A LanguageProperty in the reader's language, else German, else any; or a plain string. */
    Optional<String> name(Locale locale) {
      return value("name")
          .flatMap(
              v -> {
                if (v.isString()) {
                  return Optional.of(v.asString());
                }
                for (String lang : List.of(locale.getLanguage(), "de")) {
                  if (v.path(lang).isString()) {
                    return Optional.of(v.path(lang).asString());
                  }
                }
                for (JsonNode any : v) {
                  if (any.isString()) {
                    return Optional.of(any.asString());
                  }
                }
                return Optional.empty();
              });
    }
  }
}
