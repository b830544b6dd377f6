package org.sundwerk.app.demo;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.Random;

/**
 * Plausible sensor readings for Stralsund as functions of local time, season and a seeded random
 * source; invented, not measured. Pure and thread-safe apart from the given {@link Random}.
 */
final class SensorModels {

  private SensorModels() {}

  /**
   * Share of occupied spaces (0 to 1): low at night, high around midday, busier on weekends and in
   * summer; {@code touristic} sites (harbour, Ozeaneum) peak much more in the summer season.
   */
  static double parkingOccupancy(ZonedDateTime local, boolean touristic, Random random) {
    double hour = local.getHour() + local.getMinute() / 60.0;
    double daily = 0.12 + 0.68 * Math.exp(-Math.pow((hour - 13.0) / 4.0, 2));
    boolean weekend =
        local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
    int month = local.getMonthValue();
    boolean summer = month >= 6 && month <= 8;
    boolean winter = month == 12 || month <= 2;
    double factor = 1.0;
    if (weekend) {
      factor *= touristic ? 1.15 : 0.85;
    }
    if (summer) {
      factor *= touristic ? 1.3 : 1.05;
    } else if (winter) {
      factor *= 0.8;
    }
    return clamp(daily * factor + random.nextGaussian() * 0.03, 0.02, 1.0);
  }

  /** Bathing water temperature in °C: about 3 °C in February, about 19 °C in early August. */
  static double waterTemperature(ZonedDateTime local, Random random) {
    double dayOfYear = local.getDayOfYear();
    double seasonal = 11.0 - 8.0 * Math.cos(2 * Math.PI * (dayOfYear - 35) / 365.0);
    double daily = 0.6 * Math.sin(2 * Math.PI * (local.getHour() - 9) / 24.0);
    return round(seasonal + daily + random.nextGaussian() * 0.15, 2);
  }

  /**
   * E. coli per 100 ml: usually 15 to 100; after heavy rain (about one reading in forty) a spike of
   * several hundred, which the map shows as a warning.
   */
  static int escherichiaColi(Random random) {
    if (random.nextInt(40) == 0) {
      return 300 + random.nextInt(900);
    }
    return (int) Math.round(Math.exp(3.5 + random.nextGaussian() * 0.5));
  }

  /** NO2 in µg/m³: a morning and an evening rush-hour peak on working days. */
  static double nitrogenDioxide(ZonedDateTime local, boolean roadside, Random random) {
    double hour = local.getHour() + local.getMinute() / 60.0;
    boolean workday = local.getDayOfWeek().getValue() <= 5;
    double rush =
        (workday ? 1.0 : 0.4)
            * (Math.exp(-Math.pow((hour - 7.5) / 1.5, 2))
                + Math.exp(-Math.pow((hour - 17.0) / 2.0, 2)));
    double base = roadside ? 20.0 : 12.0;
    double peak = roadside ? 30.0 : 14.0;
    return round(clamp(base + peak * rush + random.nextGaussian() * 2.0, 2.0, 200.0), 1);
  }

  /** PM10 in µg/m³, a little higher in winter (heating). */
  static double pm10(ZonedDateTime local, Random random) {
    int month = local.getMonthValue();
    double base = month <= 3 || month >= 11 ? 20.0 : 13.0;
    return round(clamp(base + random.nextGaussian() * 3.0, 3.0, 150.0), 1);
  }

  /**
   * The next fill level of a bin after {@code hours} hours: old-town bins fill by about 1 % to 3 %
   * an hour in the day and are emptied (back to a few percent) when they are nearly full.
   */
  static double nextFillLevel(
      double current, ZonedDateTime local, double hours, double rate, Random random) {
    if (current >= 0.95) {
      return round(0.02 + random.nextDouble() * 0.03, 2);
    }
    boolean day = local.getHour() >= 7 && local.getHour() < 22;
    double rise = hours * rate * (day ? 1.0 : 0.15) * (0.7 + random.nextDouble() * 0.6);
    return round(clamp(current + rise, 0.0, 1.0), 2);
  }

  /**
   * Air temperature in °C at the coast: about 1 °C in January, about 19 °C in July, warmest at
   * 15:00.
   */
  static double airTemperature(ZonedDateTime local, Random random) {
    double seasonal = 10.0 - 9.0 * Math.cos(2 * Math.PI * (local.getDayOfYear() - 20) / 365.0);
    double daily = 3.5 * Math.sin(2 * Math.PI * (local.getHour() - 9) / 24.0);
    return round(seasonal + daily + random.nextGaussian() * 0.4, 1);
  }

  /** Wind speed in m/s: a breezy coast, gustier in winter. */
  static double windSpeed(ZonedDateTime local, Random random) {
    int month = local.getMonthValue();
    double base = month <= 3 || month >= 10 ? 6.5 : 4.5;
    return round(clamp(base + random.nextGaussian() * 1.8, 0.0, 30.0), 1);
  }

  /**
   * Ozone in µg/m³: highest on sunny summer afternoons, lowest at night and in winter (near the
   * coast rarely above 120).
   */
  static double ozone(ZonedDateTime local, Random random) {
    double season = 0.5 - 0.5 * Math.cos(2 * Math.PI * (local.getDayOfYear() - 20) / 365.0);
    double hour = local.getHour() + local.getMinute() / 60.0;
    double daily = Math.exp(-Math.pow((hour - 15.0) / 3.5, 2));
    return round(
        clamp(25 + 30 * season + 45 * season * daily + random.nextGaussian() * 5, 2, 250), 1);
  }

  /** Intestinal enterococci per 100 ml, about a third of the E. coli count of the same sample. */
  static int enterococci(int escherichiaColi, Random random) {
    return (int) Math.max(1, Math.round(escherichiaColi * (0.25 + random.nextDouble() * 0.2)));
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
