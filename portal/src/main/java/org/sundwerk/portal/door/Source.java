package org.sundwerk.portal.door;

import java.util.Locale;

/**
 * Where a live tile takes its figures: one Smart Data Models entity type, read with its domain's
 * context, and the map filter that shows the same kind ({@code /?kind=...}).
 */
enum Source {
  PARKING("OffStreetParking", "Parking", "parking"),
  WATER("WaterQualityObserved", "WaterQuality", "water"),
  BEACH("Beach", "PointOfInterest", "beach"),
  EVENTS("Event", "TourismDestinations", "event"),
  BIKE("BikeHireDockingStation", "Transportation", "bike"),
  CHARGING("EVChargingStation", "Transportation", "charging"),
  AIR("AirQualityObserved", "Environment", "air"),
  WEATHER("WeatherObserved", "Weather", "weather"),
  MUSEUM("Museum", "PointOfInterest", "museum"),
  SIGHT("PointOfInterest", "PointOfInterest", "sight"),
  WASTE("WasteContainer", "WasteManagement", "waste");

  private final String typeTerm;
  private final String domain;
  private final String mapKind;

  Source(String typeTerm, String domain, String mapKind) {
    this.typeTerm = typeTerm;
    this.domain = domain;
    this.mapKind = mapKind;
  }

  String typeTerm() {
    return typeTerm;
  }

  /** The URL of the domain's Smart Data Models context (answered offline by the platform). */
  String contextUrl() {
    return "https://raw.githubusercontent.com/smart-data-models/dataModel."
        + domain
        + "/master/context.jsonld";
  }

  /** The map's kind key for {@code /?kind=}, the same as the map's marker kinds. */
  String mapKind() {
    return mapKind;
  }

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
