package org.sundwerk.portal.map;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.sundwerk.access.TenantId;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.paging.Paging;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.ngsild.query.TypeQuery;
import org.sundwerk.portal.PortalGate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The markers of a tenant's map: Query Entities (the operation behind {@code GET /entities}) for
 * the kinds the map knows, each entity read with its Smart Data Models domain context and turned
 * into its state in words. Whatever valid NGSI-LD is stored, the map shows what it can: an entity
 * that cannot be shown is left out (and logged once), a value that cannot be read leaves the marker
 * without a state. The map shows what anonymous readers may see (public types and attributes), to
 * everyone. Thread-safe.
 */
final class CityMarkers {

  private static final System.Logger LOG = System.getLogger(CityMarkers.class.getName());
  private static final String LOCATION = "https://uri.etsi.org/ngsi-ld/location";
  private static final int LIMIT = 1000;

  /** Skipped entities already logged; bounded, since a bad entity is met on every refresh. */
  private static final int MAX_REPORTED = 1000;

  private final PortalGate gate;
  private final Map<Kind, TermDictionary> terms = new EnumMap<>(Kind.class);
  private final MessageSource messages;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param clock today, to leave out events that are over
   * @param zone the zone of the times shown
   */
  CityMarkers(
      PortalGate gate, ContextResolver contexts, MessageSource messages, Clock clock, ZoneId zone) {
    this.gate = gate;
    this.clock = clock;
    this.zone = zone;
    for (Kind kind : Kind.values()) {
      terms.put(kind, contexts.resolve(JsonNodeFactory.instance.stringNode(kind.contextUrl())));
    }
    this.messages = messages;
  }

  /** The tenant's markers of the given kinds; an unknown or invalid tenant has none. */
  List<Marker> markers(String tenant, Set<Kind> kinds, Locale locale) {
    if (kinds.isEmpty()) {
      return List.of();
    }
    return markers(tenant, types(kinds), List.of(), locale);
  }

  /**
   * The markers of the given entities that anonymous readers may see now; an id missing from the
   * answer is hidden, deleted or not a place of the map.
   */
  List<Marker> markers(String tenant, Collection<String> ids, Locale locale) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return markers(tenant, types(EnumSet.allOf(Kind.class)), List.copyOf(ids), locale);
  }

  private TypeQuery types(Set<Kind> kinds) {
    List<TypeQuery> types = new ArrayList<>();
    kinds.forEach(kind -> types.add(new TypeQuery.Name(typeIri(kind))));
    return new TypeQuery.AnyOf(types);
  }

  private List<Marker> markers(String tenant, TypeQuery types, List<String> ids, Locale locale) {
    EntityQuery query =
        new EntityQuery(
            Optional.of(types),
            ids,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            Paging.first(LIMIT));
    List<Entity> entities;
    try {
      entities = gate.publicEntities(TenantId.of(tenant), query);
    } catch (NgsiLdException | IllegalArgumentException e) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    List<Marker> markers = new ArrayList<>();
    for (Entity entity : entities) {
      try {
        marker(entity, locale, today).ifPresent(markers::add);
      } catch (RuntimeException e) {
        skipped(tenant, entity, e);
      }
    }
    markers.sort(
        Comparator.comparing((Marker m) -> Kind.ofKey(m.kind()).orElseThrow())
            .thenComparing(Marker::name, Collator.getInstance(locale)));
    return markers;
  }

  /** The expanded types of all kinds, in their order. */
  List<String> typeIris() {
    return Kind.all().stream().map(this::typeIri).toList();
  }

  private String typeIri(Kind kind) {
    return terms.get(kind).expand(kind.typeTerm());
  }

  private void skipped(String tenant, Entity entity, RuntimeException e) {
    String key = tenant + " " + entity.id() + " " + e;
    if (reported.size() < MAX_REPORTED && reported.add(key)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "portal: entity {0} of tenant {1} not shown on the map: {2}",
          entity.id(),
          tenant,
          e.toString());
    }
  }

  private Optional<Marker> marker(Entity entity, Locale locale, LocalDate today) {
    Optional<Kind> kind =
        Kind.all().stream().filter(k -> entity.types().contains(typeIri(k))).findFirst();
    Optional<JsonNode> point =
        entity
            .defaultInstance(LOCATION)
            .map(Attribute::value)
            .filter(v -> v.path("type").asString("").equals("Point"));
    if (kind.isEmpty() || point.isEmpty()) {
      return Optional.empty();
    }
    JsonNode coordinates = point.get().path("coordinates");
    if (!coordinates.path(0).isNumber() || !coordinates.path(1).isNumber()) {
      return Optional.empty();
    }
    Reading reading = new Reading(entity, terms.get(kind.get()));
    if (kind.get() == Kind.EVENT && over(reading, today)) {
      return Optional.empty();
    }
    State state = state(kind.get(), reading, locale);
    Optional<Instant> measured = kind.get() == Kind.EVENT ? Optional.empty() : measured(reading);
    return Optional.of(
        new Marker(
            entity.id(),
            "/orte/" + URLEncoder.encode(entity.id(), StandardCharsets.UTF_8),
            kind.get().key(),
            text("kind." + kind.get().key(), locale),
            reading.name(locale).orElse(entity.id()),
            coordinates.path(1).asDouble(),
            coordinates.path(0).asDouble(),
            state.text(),
            state.level(),
            state.text().isEmpty() ? "" : text("level." + state.level(), locale),
            measured.map(at -> text("map.measured", locale, when(at, locale))).orElse(""),
            measured.map(Instant::toString).orElse("")));
  }

  /** An event whose end (or, without one, its start) lies before today. */
  private static boolean over(Reading r, LocalDate today) {
    return r.text("endDate")
        .or(() -> r.text("startDate"))
        .flatMap(CityMarkers::day)
        .map(day -> day.isBefore(today))
        .orElse(false);
  }

  /**
   * When the values were measured: the latest {@code observedAt} of the entity's attributes, else
   * its Smart Data Models {@code dateObserved}.
   */
  private static Optional<Instant> measured(Reading r) {
    Optional<Instant> observed =
        r.entity().attributes().values().stream()
            .flatMap(List::stream)
            .map(Attribute::observedAt)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder());
    return observed.or(
        () ->
            r.text("dateObserved")
                .flatMap(
                    text -> {
                      try {
                        return Optional.of(OffsetDateTime.parse(text).toInstant());
                      } catch (DateTimeParseException e) {
                        return Optional.empty();
                      }
                    }));
  }

  /** A time as people of {@code locale} write it, e.g. "03.12.2026, 14:05" or "Dec 3, 2026". */
  private String when(Instant at, Locale locale) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)
        .format(at.atZone(zone));
  }

  private record State(String text, String level) {
    static final State NONE = new State("", "info");
  }

  private State state(Kind kind, Reading r, Locale locale) {
    return switch (kind) {
      case PARKING -> {
        Optional<Double> free = r.number("availableSpotNumber");
        Optional<Double> total = r.number("totalSpotNumber");
        if (free.isEmpty() || total.isEmpty() || total.get() <= 0) {
          yield State.NONE;
        }
        double share = free.get() / total.get();
        yield new State(
            text("state.parking", locale, free.get().intValue(), total.get().intValue()),
            share < 0.1 ? "alert" : share < 0.25 ? "warn" : "ok");
      }
      case WATER -> {
        Optional<Double> temperature = r.number("temperature");
        Optional<Double> ecoli = r.number("escherichiaColi");
        if (temperature.isEmpty() || ecoli.isEmpty()) {
          yield State.NONE;
        }
        // EU bathing water directive, coastal waters: 500 per 100 ml is the "good" limit.
        yield new State(
            text("state.water", locale, temperature.get(), ecoli.get().intValue()),
            ecoli.get() > 500 ? "alert" : ecoli.get() > 250 ? "warn" : "ok");
      }
      case WASTE -> {
        Optional<Double> fill = r.number("fillingLevel");
        yield fill.map(
                f ->
                    new State(
                        text("state.waste", locale, (int) Math.round(f * 100)),
                        f > 0.8 ? "alert" : f > 0.6 ? "warn" : "ok"))
            .orElse(State.NONE);
      }
      case AIR -> {
        Optional<Double> no2 = r.number("no2");
        Optional<Double> pm10 = r.number("pm10");
        if (no2.isEmpty() || pm10.isEmpty()) {
          yield State.NONE;
        }
        // EU limits: NO2 40 µg/m³ annual mean, PM10 50 µg/m³ daily mean.
        yield new State(
            text("state.air", locale, no2.get(), pm10.get()),
            no2.get() > 100 || pm10.get() > 50 ? "alert" : no2.get() > 40 ? "warn" : "ok");
      }
      case WEATHER ->
          r.number("temperature")
              .map(
                  t ->
                      new State(
                          text("state.weather", locale, t, r.number("windSpeed").orElse(0.0)),
                          "info"))
              .orElse(State.NONE);
      case CHARGING -> {
        Optional<Double> available = r.number("availableCapacity");
        Optional<Double> capacity = r.number("capacity");
        if (available.isEmpty() || capacity.isEmpty()) {
          yield State.NONE;
        }
        yield new State(
            text("state.charging", locale, available.get().intValue(), capacity.get().intValue()),
            available.get() == 0 ? "warn" : "ok");
      }
      case BIKE -> {
        Optional<Double> bikes = r.number("availableBikeNumber");
        Optional<Double> slots = r.number("freeSlotNumber");
        if (bikes.isEmpty() || slots.isEmpty()) {
          yield State.NONE;
        }
        yield new State(
            text("state.bike", locale, bikes.get().intValue(), slots.get().intValue()),
            bikes.get() == 0 ? "warn" : "ok");
      }
      case EVENT ->
          r.text("startDate")
              .flatMap(CityMarkers::day)
              .map(
                  day ->
                      new State(
                          text(
                              "state.event",
                              locale,
                              DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                  .withLocale(locale)
                                  .format(day)),
                          "info"))
              .orElse(State.NONE);
      case BEACH, MUSEUM, SIGHT -> State.NONE;
    };
  }

  /** The day of an ISO 8601 date or date-time, e.g. a Smart Data Models {@code startDate}. */
  private static Optional<LocalDate> day(String value) {
    try {
      return Optional.of(OffsetDateTime.parse(value).toLocalDate());
    } catch (DateTimeParseException notADateTime) {
      try {
        return Optional.of(LocalDate.parse(value));
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
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
