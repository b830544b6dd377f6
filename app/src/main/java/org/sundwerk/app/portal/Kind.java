package org.sundwerk.app.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a map marker stands for, by the Smart Data Models type of its entity. */
enum Kind {
  PARKING("OffStreetParking"),
  WATER("WaterQualityObserved"),
  BEACH("Beach"),
  AIR("AirQualityObserved"),
  WEATHER("WeatherObserved"),
  WASTE("WasteContainer"),
  CHARGING("EVChargingStation"),
  BIKE("BikeHireDockingStation"),
  MUSEUM("Museum"),
  SIGHT("PointOfInterest"),
  EVENT("Event");

  private final String typeTerm;

  Kind(String typeTerm) {
    this.typeTerm = typeTerm;
  }

  /** The entity type's term in the demo context. */
  String typeTerm() {
    return typeTerm;
  }

  /** The kind's name in URLs, CSS classes and message keys, e.g. {@code parking}. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Kind> ofTypeTerm(String term) {
    return Arrays.stream(values()).filter(k -> k.typeTerm.equals(term)).findFirst();
  }

  static List<Kind> all() {
    return List.of(values());
  }
}
