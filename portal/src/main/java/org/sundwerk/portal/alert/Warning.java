package org.sundwerk.portal.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a follow watches for. The three warnings are each a {@code q} on one Smart Data Models type,
 * in the words of that type's published context (the same names the demo city and the map use);
 * {@link #CHANGES} is a place without a warning of its own, notified on any change.
 *
 * <p>The limits: bathing water after the EU bathing water directive 2006/7/EC, coastal waters,
 * whose "sufficient" class ends at 500 E. coli and 185 intestinal enterococci per 100 ml (the map
 * marks water above 500 E. coli as alert; 200 enterococci is the "good" limit); a car park is full
 * when no space is free; air is poor ("schlecht" in the German UBA air quality index) from an
 * hourly NO₂ mean above 100 µg/m³ or PM10 above 50 µg/m³.
 */
enum Warning {
  WATER(
      "WaterQualityObserved",
      "WaterQuality",
      Optional.of("escherichiaColi>500|enterococci>200"),
      List.of("escherichiaColi", "enterococci"),
      Throttle.HOUR),
  PARKING(
      "OffStreetParking",
      "Parking",
      Optional.of("availableSpotNumber==0"),
      List.of("availableSpotNumber"),
      Throttle.HOUR),
  AIR(
      "AirQualityObserved",
      "Environment",
      Optional.of("no2>100|pm10>50"),
      List.of("no2", "pm10"),
      Throttle.HOUR),
  CHANGES("", "", Optional.empty(), List.of(), Throttle.DAY);

  /** Least seconds between two mails of one follow: the broker's {@code throttling}. */
  static final class Throttle {
    static final int HOUR = 3600;
    static final int DAY = 86_400;

    private Throttle() {}
  }

  private final String typeTerm;
  private final String domain;
  private final Optional<String> q;
  private final List<String> watched;
  private final int throttling;

  Warning(
      String typeTerm, String domain, Optional<String> q, List<String> watched, int throttling) {
    this.typeTerm = typeTerm;
    this.domain = domain;
    this.q = q;
    this.watched = watched;
    this.throttling = throttling;
  }

  /** The warnings a resident can follow for a whole municipality. */
  static List<Warning> warnings() {
    return List.of(WATER, PARKING, AIR);
  }

  /** The name in forms, URLs and message keys, e.g. {@code water}. */
  String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Optional<Warning> ofKey(String key) {
    return Arrays.stream(values()).filter(w -> w.key().equals(key)).findFirst();
  }

  /** The entity type's term in {@link #contextUrl()}; empty for {@link #CHANGES}. */
  String typeTerm() {
    return typeTerm;
  }

  /** The Smart Data Models context of the type (answered offline by the platform). */
  String contextUrl() {
    return "https://raw.githubusercontent.com/smart-data-models/dataModel."
        + domain
        + "/master/context.jsonld";
  }

  Optional<String> q() {
    return q;
  }

  List<String> watched() {
    return watched;
  }

  int throttling() {
    return throttling;
  }
}
