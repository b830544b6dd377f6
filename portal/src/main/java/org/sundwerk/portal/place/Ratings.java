package org.sundwerk.portal.place;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.sundwerk.portal.map.Kind;

/**
 * The plain-language ratings of a detail page. Bathing water follows Annex I of the EU bathing
 * water directive 2006/7/EC for coastal and transitional waters (Stralsund's Strelasund is one);
 * air the current Luftqualitätsindex (LQI) of the Umweltbundesamt; car parks and bins their free or
 * filled share, with the same bands as the map's markers. Thread-safe.
 */
final class Ratings {

  /**
   * Directive 2006/7/EC, Annex I, coastal and transitional waters, in cfu per 100 ml: excellent and
   * good quality are 95-percentile values, sufficient a 90-percentile value.
   */
  static final int ENTEROCOCCI_EXCELLENT = 100;

  static final int ENTEROCOCCI_GOOD = 200;
  static final int ENTEROCOCCI_SUFFICIENT = 185;
  static final int ECOLI_EXCELLENT = 250;
  static final int ECOLI_GOOD = 500;
  static final int ECOLI_SUFFICIENT = 500;

  /**
   * The UBA LQI's upper bounds of the classes "sehr gut", "gut", "mäßig" and "schlecht" in µg/m³
   * (hourly means); above the last is "sehr schlecht". The pollutant with the worst class decides.
   */
  static final Map<String, int[]> AIR_BANDS =
      Map.of(
          "no2", new int[] {10, 30, 60, 100},
          "pm10", new int[] {9, 27, 54, 90},
          "pm25", new int[] {5, 15, 30, 50},
          "o3", new int[] {24, 72, 144, 240});

  private static final List<String> POLLUTANTS = List.of("no2", "pm10", "pm25", "o3");
  private static final List<String> AIR_CLASSES =
      List.of("verygood", "good", "moderate", "poor", "verypoor");

  /** Free share of a car park below which it is "few spaces" and "nearly full" (as the map). */
  static final double PARKING_FEW = 0.25;

  static final double PARKING_FULL = 0.10;

  private final MessageSource messages;

  Ratings(MessageSource messages) {
    this.messages = messages;
  }

  /** The rating of the readings {@code values} (by term, as stored) of a place of {@code kind}. */
  Optional<Rating> rate(Kind kind, Map<String, Double> values, Locale locale) {
    return switch (kind) {
      case WATER -> water(values, locale);
      case AIR -> air(values, locale);
      case PARKING -> parking(values, locale);
      case WASTE -> waste(values, locale);
      default -> Optional.empty();
    };
  }

  private Optional<Rating> water(Map<String, Double> values, Locale locale) {
    Double ecoli = values.get("escherichiaColi");
    Double enterococci = values.get("enterococci");
    if (ecoli == null && enterococci == null) {
      return Optional.empty();
    }
    boolean excellent =
        (ecoli == null || ecoli <= ECOLI_EXCELLENT)
            && (enterococci == null || enterococci <= ENTEROCOCCI_EXCELLENT);
    boolean good =
        (ecoli == null || ecoli <= ECOLI_GOOD)
            && (enterococci == null || enterococci <= ENTEROCOCCI_GOOD);
    String grade = excellent ? "excellent" : good ? "good" : "poor";
    List<String> parts = new ArrayList<>();
    if (ecoli != null) {
      parts.add(text("place.water.ecoli", locale, whole(ecoli, locale)));
    }
    if (enterococci != null) {
      parts.add(text("place.water.enterococci", locale, whole(enterococci, locale)));
    }
    String measured = String.join(text("place.and", locale), parts);
    return Optional.of(
        new Rating(
            excellent || good ? "ok" : "alert",
            text("place.water.grade." + grade, locale),
            text(
                "place.water.explain." + grade,
                locale,
                measured,
                ECOLI_EXCELLENT,
                ENTEROCOCCI_EXCELLENT,
                ECOLI_GOOD,
                ENTEROCOCCI_GOOD),
            text("place.water.table", locale),
            List.of(
                text("place.water.parameter", locale),
                text("place.water.grade.excellent", locale),
                text("place.water.grade.good", locale),
                text("place.water.grade.sufficient", locale)),
            List.of(
                List.of(
                    text("place.water.row.enterococci", locale),
                    upTo(ENTEROCOCCI_EXCELLENT, locale),
                    upTo(ENTEROCOCCI_GOOD, locale),
                    upTo(ENTEROCOCCI_SUFFICIENT, locale)),
                List.of(
                    text("place.water.row.ecoli", locale),
                    upTo(ECOLI_EXCELLENT, locale),
                    upTo(ECOLI_GOOD, locale),
                    upTo(ECOLI_SUFFICIENT, locale))),
            text("place.water.basis", locale)));
  }

  private Optional<Rating> air(Map<String, Double> values, Locale locale) {
    int worst = -1;
    List<String> parts = new ArrayList<>();
    for (String pollutant : POLLUTANTS) {
      Double value = values.get(pollutant);
      if (value == null) {
        continue;
      }
      int band = band(AIR_BANDS.get(pollutant), value);
      worst = Math.max(worst, band);
      parts.add(
          text(
              "place.air.part",
              locale,
              text("place.air.name." + pollutant, locale),
              whole(value, locale),
              text("place.air.class." + AIR_CLASSES.get(band), locale)));
    }
    if (worst < 0) {
      return Optional.empty();
    }
    List<String> head = new ArrayList<>();
    head.add(text("place.air.pollutant", locale));
    AIR_CLASSES.forEach(c -> head.add(text("place.air.class." + c, locale)));
    List<List<String>> rows = new ArrayList<>();
    for (String pollutant : POLLUTANTS) {
      int[] bounds = AIR_BANDS.get(pollutant);
      List<String> row = new ArrayList<>();
      row.add(text("place.air.name." + pollutant, locale));
      int lower = 0;
      for (int bound : bounds) {
        row.add(text("place.air.range", locale, lower, bound));
        lower = bound + 1;
      }
      row.add(text("place.air.above", locale, bounds[bounds.length - 1]));
      rows.add(row);
    }
    return Optional.of(
        new Rating(
            worst <= 1 ? "ok" : worst == 2 ? "warn" : "alert",
            text("place.air.class." + AIR_CLASSES.get(worst), locale),
            text("place.air.explain", locale, String.join("; ", parts)),
            text("place.air.table", locale),
            head,
            rows,
            text("place.air.basis", locale)));
  }

  /** The LQI class (0 very good to 4 very poor) of a value, compared in whole µg/m³. */
  static int band(int[] bounds, double value) {
    long rounded = Math.round(value);
    for (int i = 0; i < bounds.length; i++) {
      if (rounded <= bounds[i]) {
        return i;
      }
    }
    return bounds.length;
  }

  private Optional<Rating> parking(Map<String, Double> values, Locale locale) {
    Double free = values.get("availableSpotNumber");
    Double total = values.get("totalSpotNumber");
    if (free == null || total == null || total <= 0) {
      return Optional.empty();
    }
    double share = Math.max(0, free) / total;
    String grade = share < PARKING_FULL ? "full" : share < PARKING_FEW ? "few" : "many";
    return Optional.of(
        new Rating(
            grade.equals("full") ? "alert" : grade.equals("few") ? "warn" : "ok",
            text("place.parking.grade." + grade, locale),
            text(
                "place.parking.explain",
                locale,
                whole(free, locale),
                whole(total, locale),
                (int) Math.round(share * 100)),
            text("place.parking.table", locale),
            List.of(text("place.parking.share", locale), text("place.rating", locale)),
            List.of(
                List.of(
                    text("place.parking.from", locale, (int) (PARKING_FEW * 100)),
                    text("place.parking.grade.many", locale)),
                List.of(
                    text(
                        "place.parking.between",
                        locale,
                        (int) (PARKING_FULL * 100),
                        (int) (PARKING_FEW * 100)),
                    text("place.parking.grade.few", locale)),
                List.of(
                    text("place.parking.below", locale, (int) (PARKING_FULL * 100)),
                    text("place.parking.grade.full", locale))),
            text("place.parking.basis", locale)));
  }

  private Optional<Rating> waste(Map<String, Double> values, Locale locale) {
    Double fill = values.get("fillingLevel");
    if (fill == null) {
      return Optional.empty();
    }
    String grade = fill > 0.8 ? "full" : fill > 0.6 ? "filling" : "room";
    return Optional.of(
        new Rating(
            grade.equals("full") ? "alert" : grade.equals("filling") ? "warn" : "ok",
            text("place.waste.grade." + grade, locale),
            text("place.waste.explain", locale, (int) Math.round(fill * 100)),
            text("place.waste.table", locale),
            List.of(text("place.waste.level", locale), text("place.rating", locale)),
            List.of(
                List.of(
                    text("place.waste.upto", locale, 60), text("place.waste.grade.room", locale)),
                List.of(
                    text("place.waste.between", locale, 60, 80),
                    text("place.waste.grade.filling", locale)),
                List.of(
                    text("place.waste.above", locale, 80), text("place.waste.grade.full", locale))),
            text("place.waste.basis", locale)));
  }

  private String upTo(int limit, Locale locale) {
    return text("place.water.upto", locale, limit);
  }

  private static String whole(double value, Locale locale) {
    return NumberFormat.getIntegerInstance(locale).format(Math.round(value));
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
