package org.sundwerk.portal.place;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.sundwerk.broker.temporal.AggregatedEntity;
import org.sundwerk.broker.temporal.Aggregation;
import org.sundwerk.broker.temporal.AggregationMethod;
import org.sundwerk.broker.temporal.TimeFilter;
import org.sundwerk.broker.temporal.TimeProperty;
import org.sundwerk.broker.temporal.Timerel;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalGate;
import org.sundwerk.portal.PortalProperties;

/**
 * The detail page of a place or sensor, {@code /orte/{id}} (the entity id, URL-encoded; {@code
 * tenant}, {@code attr} and {@code period} optional), and the data of its chart, {@code
 * /orte/{id}/verlauf?attr=&period=day|week|year} (JSON). Both show what anonymous visitors may see:
 * an entity that is hidden from them is answered as unknown (404), never as refused.
 */
@Controller
final class PlaceController {

  private static final List<AggregationMethod> METHODS =
      List.of(AggregationMethod.AVG, AggregationMethod.MIN, AggregationMethod.MAX);

  private final Places places;
  private final PortalGate gate;
  private final PortalAccess access;
  private final PortalProperties properties;
  private final Clock clock;

  PlaceController(
      PortalGate gate,
      ContextResolver contexts,
      MessageSource messages,
      PortalProperties properties,
      PortalAccess access,
      Clock clock) {
    this.places = new Places(gate, contexts, messages, properties.zone());
    this.gate = gate;
    this.access = access;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/orte/{id}")
  String place(
      @PathVariable String id,
      @RequestParam Optional<String> tenant,
      @RequestParam Optional<String> attr,
      @RequestParam Optional<String> period,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model,
      Locale locale) {
    access.page(http);
    String chosen = tenant.filter(t -> !t.isBlank()).orElse(properties.defaultTenant());
    Optional<Places.Found> found = places.find(chosen, id);
    if (found.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("tenant", chosen);
      return "place/missing";
    }
    PlaceView view = places.view(found.get(), locale);
    model.addAttribute("place", view);
    model.addAttribute("tenant", chosen);
    model.addAttribute("zone", properties.zone().getId());
    Period shown = period.flatMap(Period::ofKey).orElse(Period.DAY);
    Optional<Measure> measure =
        attr.flatMap(a -> charted(found.get(), view, a))
            .or(
                () ->
                    view.charted().stream()
                        .findFirst()
                        .flatMap(v -> charted(found.get(), view, v.term())));
    model.addAttribute("period", shown.key());
    model.addAttribute("periodLabel", places.text("place.period." + shown.key(), locale));
    model.addAttribute("periods", List.of(Period.values()).stream().map(Period::key).toList());
    measure.ifPresent(
        m -> {
          model.addAttribute("history", history(found.get(), m, shown, locale));
        });
    return "place/place";
  }

  @GetMapping(value = "/orte/{id}/verlauf", produces = "application/json")
  @ResponseBody
  ResponseEntity<Map<String, Object>> history(
      @PathVariable String id,
      @RequestParam Optional<String> tenant,
      @RequestParam String attr,
      @RequestParam(defaultValue = "day") String period,
      HttpServletRequest http,
      Locale locale) {
    access.page(http);
    String chosen = tenant.filter(t -> !t.isBlank()).orElse(properties.defaultTenant());
    Optional<Period> shown = Period.ofKey(period);
    if (shown.isEmpty()) {
      return ResponseEntity.badRequest().body(Map.of("error", "period must be day, week or year"));
    }
    Optional<Places.Found> found = places.find(chosen, id);
    Optional<Measure> measure = found.flatMap(f -> charted(f, places.view(f, locale), attr));
    if (measure.isEmpty()) {
      return ResponseEntity.status(HttpServletResponse.SC_NOT_FOUND)
          .body(Map.of("error", "no such place or reading"));
    }
    History history = history(found.get(), measure.get(), shown.get(), locale);
    List<List<Number>> points = new ArrayList<>();
    history.points().forEach(p -> points.add(List.of(p.start(), p.avg(), p.min(), p.max())));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("attr", history.term());
    body.put("label", history.label());
    body.put("unit", history.unit());
    body.put("period", history.period());
    body.put("points", points);
    return ResponseEntity.ok().header("Cache-Control", "max-age=60").body(body);
  }

  /** The charted measure {@code term} if the visitor sees a value of it. */
  private Optional<Measure> charted(Places.Found found, PlaceView view, String term) {
    return view.charted().stream().anyMatch(v -> v.term().equals(term))
        ? Measure.charted(found.kind(), term)
        : Optional.empty();
  }

  /** Averages, minima and maxima per bucket, aggregated in SQL by the temporal store. */
  private History history(Places.Found found, Measure measure, Period period, Locale locale) {
    String attribute = places.expand(found.kind(), measure.term());
    Instant start = period.start(clock, properties.zone());
    Instant end = period.end(clock);
    TimeFilter filter =
        new TimeFilter(
            Set.of(attribute),
            TimeProperty.OBSERVED_AT,
            Optional.of(new Timerel(Timerel.Relation.BETWEEN, start, Optional.of(end))),
            OptionalInt.empty());
    Optional<AggregatedEntity.Aggregated> aggregated =
        gate.publicHistory(
                found.tenant(),
                found.entity().id(),
                filter,
                new Aggregation(METHODS, Optional.of(period.bucket())))
            .map(e -> e.attributes().get(attribute));
    Map<Instant, double[]> buckets = new TreeMap<>();
    aggregated.ifPresent(
        a -> {
          for (int i = 0; i < METHODS.size(); i++) {
            int index = i;
            a.values()
                .getOrDefault(METHODS.get(i), List.of())
                .forEach(
                    b ->
                        buckets
                                .computeIfAbsent(
                                    b.start(),
                                    s -> new double[] {Double.NaN, Double.NaN, Double.NaN})[index] =
                            b.value() * measure.scale());
          }
        });
    NumberFormat number = NumberFormat.getNumberInstance(locale);
    number.setMinimumFractionDigits(measure.decimals());
    number.setMaximumFractionDigits(measure.decimals());
    DateTimeFormatter time =
        (period == Period.YEAR
                ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT))
            .withLocale(locale)
            .withZone(properties.zone());
    List<History.Point> points = new ArrayList<>();
    buckets.forEach(
        (s, v) -> {
          if (!Double.isNaN(v[0])) {
            points.add(
                new History.Point(
                    s.getEpochSecond(),
                    time.format(s),
                    round(v[0], measure.decimals()),
                    round(v[1], measure.decimals()),
                    round(v[2], measure.decimals()),
                    number.format(v[0]),
                    number.format(v[1]),
                    number.format(v[2])));
          }
        });
    String label = places.text("place.attr." + found.kind().key() + "." + measure.term(), locale);
    String unit = places.unit(found.kind(), measure, locale);
    return new History(
        measure.term(), label, unit, period.key(), points, summary(label, unit, points, locale));
  }

  private String summary(String label, String unit, List<History.Point> points, Locale locale) {
    if (points.isEmpty()) {
      return places.text("place.history.none", locale);
    }
    History.Point lowest = points.getFirst();
    History.Point highest = points.getFirst();
    for (History.Point p : points) {
      if (p.min() < lowest.min()) {
        lowest = p;
      }
      if (p.max() > highest.max()) {
        highest = p;
      }
    }
    History.Point latest = points.getLast();
    String suffix = unit.isEmpty() ? "" : "\u00a0" + unit;
    return places.text(
        "place.history.summary",
        locale,
        label,
        lowest.minText() + suffix,
        lowest.time(),
        highest.maxText() + suffix,
        highest.time(),
        latest.avgText() + suffix,
        latest.time());
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
