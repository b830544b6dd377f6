package org.sundwerk.portal.map;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a map marker stands for, by the Smart Data Models type of its entity. Each kind reads its
 * entities with the official context of its Smart Data Models domain, so the names below are those
 * of the published data models. Public for the other portal features that show the same kinds
 * (search).
 */
public enum Kind {
  // In the order people look for them (the list sorts by it): where to park, whether the water is
  // good, where to go and what is on, how to get around, then the conditions and the rest.
  PARKING("OffStreetParking", "Parking"),
  WATER("WaterQualityObserved", "WaterQuality"),
  BEACH("Beach", "PointOfInterest"),
  EVENT("Event", "TourismDestinations"),
  BIKE("BikeHireDockingStation", "Transportation"),
  CHARGING("EVChargingStation", "Transportation"),
  WEATHER("WeatherObserved", "Weather"),
  AIR("AirQualityObserved", "Environment"),
  MUSEUM("Museum", "PointOfInterest"),
  SIGHT("PointOfInterest", "PointOfInterest"),
  WASTE("WasteContainer", "WasteManagement");

  private final String typeTerm;
  private final String domain;

  Kind(String typeTerm, String domain) {
    this.typeTerm = typeTerm;
    this.domain = domain;
  }

  /** The entity type's term in its domain's context. */
  public String typeTerm() {
    return typeTerm;
  }

  /** The URL of the domain's Smart Data Models context (answered offline by the platform). */
  public String contextUrl() {
    return "https://raw.githubusercontent.com/smart-data-models/dataModel."
        + domain
        + "/master/context.jsonld";
  }

  /** The kind's name in URLs, CSS classes and message keys, e.g. {@code parking}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<Kind> all() {
    return List.of(values());
  }

  public static Optional<Kind> ofKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
  }
}
