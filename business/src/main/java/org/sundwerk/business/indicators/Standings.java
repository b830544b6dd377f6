package org.sundwerk.business.indicators;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A tenant's catalogue with its whole value history, asked about any moment: the latest value of
 * each indicator at an instant, area scores then, and a monthly trend. Pure computation over what
 * {@link Indicators} loaded; immutable.
 */
public final class Standings {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private final List<Indicator> catalogue;
  private final Map<String, List<IndicatorValue>> history;

  /** {@code values} in the order they were appended. */
  public Standings(List<Indicator> catalogue, List<IndicatorValue> values) {
    this.catalogue = List.copyOf(catalogue);
    Map<String, List<IndicatorValue>> byKey = new HashMap<>();
    for (IndicatorValue value : values) {
      byKey.computeIfAbsent(value.indicator(), key -> new ArrayList<>()).add(value);
    }
    byKey.replaceAll((key, list) -> List.copyOf(list));
    this.history = Collections.unmodifiableMap(byKey);
  }

  public List<Indicator> catalogue() {
    return catalogue;
  }

  /** Every value of {@code indicator}, oldest first. */
  public List<IndicatorValue> history(String indicator) {
    return history.getOrDefault(indicator, List.of());
  }

  /** The value {@code indicator} had at {@code instant}: the last one appended up to then. */
  public Optional<IndicatorValue> valueAt(String indicator, Instant instant) {
    IndicatorValue found = null;
    for (IndicatorValue value : history(indicator)) {
      if (!value.at().isAfter(instant)) {
        found = value;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The latest value of every indicator that has one at {@code instant}, in catalogue order. */
  public Map<Indicator, IndicatorValue> valuesAt(Instant instant) {
    Map<Indicator, IndicatorValue> values = new LinkedHashMap<>();
    for (Indicator indicator : catalogue) {
      valueAt(indicator.key(), instant).ifPresent(value -> values.put(indicator, value));
    }
    return values;
  }

  /** The score of every area at {@code now}, with the year before for comparison. */
  public List<AreaStanding> areas(Instant now) {
    Instant yearBefore = ZonedDateTime.ofInstant(now, ZONE).minusYears(1).toInstant();
    List<AreaStanding> standings = new ArrayList<>();
    for (Area area : Area.values()) {
      List<Indicator> ofArea = catalogue.stream().filter(i -> i.area() == area).toList();
      int measured = (int) ofArea.stream().filter(i -> valueAt(i.key(), now).isPresent()).count();
      standings.add(
          new AreaStanding(
              area, score(ofArea, now), score(ofArea, yearBefore), measured, ofArea.size()));
    }
    return standings;
  }

  /**
   * The score of {@code area} at the end of each of the {@code months} months up to {@code now}.
   */
  public Map<YearMonth, OptionalDouble> trend(Area area, Instant now, int months) {
    List<Indicator> ofArea = catalogue.stream().filter(i -> i.area() == area).toList();
    YearMonth current = YearMonth.from(now.atZone(ZONE));
    Map<YearMonth, OptionalDouble> trend = new LinkedHashMap<>();
    for (int back = months - 1; back >= 0; back--) {
      YearMonth month = current.minusMonths(back);
      Instant end =
          back == 0
              ? now
              : month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant().minusMillis(1);
      trend.put(month, score(ofArea, end));
    }
    return trend;
  }

  /** Areas with a score, weakest first; areas without any value come first of all. */
  public List<AreaStanding> weakest(Instant now) {
    List<AreaStanding> areas = new ArrayList<>(areas(now));
    areas.sort((a, b) -> Double.compare(a.score().orElse(-1), b.score().orElse(-1)));
    return areas;
  }

  private OptionalDouble score(List<Indicator> indicators, Instant at) {
    return indicators.stream()
        .flatMap(i -> valueAt(i.key(), at).map(v -> i.scale(v.value())).stream())
        .mapToDouble(Double::doubleValue)
        .average()
        .stream()
        .map(mean -> Math.round(mean * 10) / 10.0)
        .findFirst();
  }
}
