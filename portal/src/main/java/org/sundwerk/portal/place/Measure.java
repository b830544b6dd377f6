package org.sundwerk.portal.place;

import java.util.List;
import java.util.Optional;
import org.sundwerk.portal.map.Kind;

/**
 * One reading a detail page shows for a kind of place, by its Smart Data Models term; its label and
 * unit are the messages {@code place.attr.<kind>.<term>} and {@code place.unit.<kind>.<term>}.
 *
 * @param term the attribute's term in the kind's context
 * @param scale the factor from the stored value to the shown one (100 for a share shown in %)
 * @param decimals digits after the decimal point
 * @param charted whether its history is offered as a chart
 */
record Measure(String term, double scale, int decimals, boolean charted) {

  static Measure of(String term, int decimals) {
    return new Measure(term, 1, decimals, true);
  }

  static Measure count(String term) {
    return new Measure(term, 1, 0, true);
  }

  static Measure fixed(String term) {
    return new Measure(term, 1, 0, false);
  }

  static Measure share(String term) {
    return new Measure(term, 100, 0, true);
  }

  /** What the page shows of an entity of {@code kind}, in this order. */
  static List<Measure> of(Kind kind) {
    return switch (kind) {
      case PARKING -> List.of(count("availableSpotNumber"), fixed("totalSpotNumber"));
      case WATER -> List.of(of("temperature", 1), count("escherichiaColi"), count("enterococci"));
      case AIR -> List.of(of("no2", 1), of("pm10", 1), of("pm25", 1), of("o3", 1));
      case WEATHER ->
          List.of(
              of("temperature", 1),
              of("windSpeed", 1),
              share("relativeHumidity"),
              of("atmosphericPressure", 0));
      case WASTE -> List.of(share("fillingLevel"), fixed("binCapacity"));
      case CHARGING -> List.of(count("availableCapacity"), fixed("capacity"));
      case BIKE -> List.of(count("availableBikeNumber"), count("freeSlotNumber"));
      case BEACH, MUSEUM, SIGHT, EVENT -> List.of();
    };
  }

  /** The charted measure of {@code kind} named {@code term}, if there is one. */
  static Optional<Measure> charted(Kind kind, String term) {
    return of(kind).stream().filter(m -> m.charted() && m.term().equals(term)).findFirst();
  }
}
