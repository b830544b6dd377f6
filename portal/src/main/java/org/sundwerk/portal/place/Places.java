package org.sundwerk.portal.place;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.sundwerk.access.TenantId;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.portal.PortalGate;
import org.sundwerk.portal.map.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads one entity as anonymous visitors may see it (through {@link PortalGate#publicEntity}) and
 * turns it into a {@link PlaceView}: the kinds of the map, each read with its Smart Data Models
 * domain context. Thread-safe.
 */
final class Places {

  /** How far apart in time readings may lie that one rating combines. */
  static final Duration RATED_TOGETHER = Duration.ofDays(3);

  private final PortalGate gate;
  private final MessageSource messages;
  private final Ratings ratings;
  private final ZoneId zone;
  private final Map<Kind, TermDictionary> terms = new EnumMap<>(Kind.class);

  Places(PortalGate gate, ContextResolver contexts, MessageSource messages, ZoneId zone) {
    this.gate = gate;
    this.messages = messages;
    this.ratings = new Ratings(messages);
    this.zone = zone;
    for (Kind kind : Kind.values()) {
      terms.put(kind, contexts.resolve(JsonNodeFactory.instance.stringNode(kind.contextUrl())));
    }
  }

  /** The expanded name of {@code term} in the context of {@code kind}. */
  String expand(Kind kind, String term) {
    return terms.get(kind).expand(term);
  }

  /** The visible entity with its kind; empty when unknown, hidden or of no kind the map shows. */
  Optional<Found> find(String tenant, String id) {
    TenantId tenantId;
    try {
      tenantId = TenantId.of(tenant);
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
    return gate.publicEntity(tenantId, id)
        .flatMap(
            entity ->
                Kind.all().stream()
                    .filter(k -> entity.types().contains(expand(k, k.typeTerm())))
                    .findFirst()
                    .map(kind -> new Found(tenantId, entity, kind)));
  }

  /** An entity the visitor may see, and its kind. */
  record Found(TenantId tenant, Entity entity, Kind kind) {}

  PlaceView view(Found found, Locale locale) {
    Kind kind = found.kind();
    Reading r = new Reading(found.entity(), terms.get(kind));
    List<PlaceView.Value> values = new ArrayList<>();
    List<PlaceView.Value> charted = new ArrayList<>();
    Map<String, Double> numbers = new LinkedHashMap<>();
    Map<String, Instant> observed = new LinkedHashMap<>();
    for (Measure measure : Measure.of(kind)) {
      String label = text("place.attr." + kind.key() + "." + measure.term(), locale);
      Optional<Attribute> attribute = r.attribute(measure.term());
      Optional<Double> number =
          attribute.map(Attribute::value).filter(JsonNode::isNumber).map(JsonNode::asDouble);
      if (number.isEmpty()) {
        continue;
      }
      numbers.put(measure.term(), number.get());
      Optional.ofNullable(attribute.get().observedAt())
          .ifPresent(t -> observed.put(measure.term(), t));
      if (measure.charted()) {
        charted.add(new PlaceView.Value(measure.term(), label, "", ""));
      }
      values.add(
          new PlaceView.Value(
              measure.term(),
              label,
              format(kind, measure, number.get(), locale),
              Optional.ofNullable(attribute.get().observedAt())
                  .map(t -> when(t, locale))
                  .orElse("")));
    }
    return new PlaceView(
        found.entity().id(),
        found.tenant().name(),
        kind.key(),
        text("kind." + kind.key(), locale),
        r.localized("name", locale).orElse(found.entity().id()),
        r.localized("description", locale).orElse(""),
        r.address().orElse(""),
        r.localized("openingHours", locale).orElse(""),
        r.localized("priceDescription", locale).orElse(""),
        r.localized("accessibility", locale).orElse(""),
        kind == Kind.EVENT ? dates(r, locale) : "",
        r.localized("dataProvider", locale).or(() -> r.localized("source", locale)).orElse(""),
        values,
        ratings.rate(kind, current(numbers, observed), locale).orElse(null),
        charted);
  }

  /**
   * The readings a rating may combine: those without a time, and those measured at most {@link
   * #RATED_TOGETHER} before the newest (a sensor that stopped reporting must not be rated together
   * with a fresh sample of another; the page still shows its value with its date).
   */
  private static Map<String, Double> current(
      Map<String, Double> numbers, Map<String, Instant> observed) {
    Optional<Instant> newest = observed.values().stream().max(Instant::compareTo);
    Map<String, Double> current = new LinkedHashMap<>();
    numbers.forEach(
        (term, value) -> {
          Instant at = observed.get(term);
          if (at == null || newest.isEmpty() || !at.isBefore(newest.get().minus(RATED_TOGETHER))) {
            current.put(term, value);
          }
        });
    return current;
  }

  /** A number with its unit, as the page shows it, e.g. "17,5 °C". */
  String format(Kind kind, Measure measure, double stored, Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(measure.decimals());
    format.setMaximumFractionDigits(measure.decimals());
    String unit = unit(kind, measure, locale);
    String number = format.format(stored * measure.scale());
    return unit.isEmpty() ? number : number + "\u00a0" + unit;
  }

  String unit(Kind kind, Measure measure, Locale locale) {
    return text("place.unit." + kind.key() + "." + measure.term(), locale).trim();
  }

  /**
   * When an event takes place, e.g. "06.12.2026, 17:00 – 06.12.2026, 19:00": its {@code startDate}
   * and {@code endDate} (date-times or plain dates) in the reader's locale; empty when it has no
   * readable start.
   */
  private String dates(Reading r, Locale locale) {
    Optional<String> start = r.localized("startDate", locale).flatMap(d -> date(d, locale));
    Optional<String> end = r.localized("endDate", locale).flatMap(d -> date(d, locale));
    return start.map(s -> end.map(e -> s + " – " + e).orElse(s)).orElse("");
  }

  private Optional<String> date(String value, Locale locale) {
    try {
      return Optional.of(when(Instant.parse(value), locale));
    } catch (java.time.format.DateTimeParseException notAnInstant) {
      try {
        return Optional.of(
            DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(java.time.LocalDate.parse(value)));
      } catch (java.time.format.DateTimeParseException unreadable) {
        return Optional.empty();
      }
    }
  }

  /** A time in the reader's locale and the portal's zone, e.g. "01.06.2026, 10:00". */
  String when(Instant time, Locale locale) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)
        .withZone(zone)
        .format(time);
  }

  String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  /** Attribute values of one entity by their terms. */
  private record Reading(Entity entity, TermDictionary terms) {

    Optional<Attribute> attribute(String term) {
      return entity.defaultInstance(terms.expand(term));
    }

    /**
     * A LanguageProperty in the reader's language, else German, else any; a plain string; or a list
     * of strings joined by commas.
     */
    Optional<String> localized(String term, Locale locale) {
      return attribute(term)
          .map(Attribute::value)
          .flatMap(
              v -> {
                if (v.isString()) {
                  return Optional.of(v.asString());
                }
                if (v.isArray()) {
                  List<String> items = new ArrayList<>();
                  v.forEach(item -> items.add(item.asString("")));
                  String joined =
                      items.stream().filter(s -> !s.isBlank()).collect(Collectors.joining(", "));
                  return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
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
              })
          .filter(s -> !s.isBlank());
    }

    /** A schema.org PostalAddress as one line: "Fährwall, 18439 Stralsund". */
    Optional<String> address() {
      return attribute("address")
          .map(Attribute::value)
          .filter(JsonNode::isObject)
          .map(
              a -> {
                String street = a.path("streetAddress").asString("");
                String town =
                    (a.path("postalCode").asString("")
                            + " "
                            + a.path("addressLocality").asString(""))
                        .trim();
                return street.isEmpty() ? town : town.isEmpty() ? street : street + ", " + town;
              })
          .filter(s -> !s.isBlank());
    }
  }
}
