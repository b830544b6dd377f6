package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.sundwerk.app.TestAdmin;

/** A small city for the front doors, created through the NGSI-LD API in a tenant of its own. */
final class DoorCity {

  private DoorCity() {}

  static String id(String type, String tenant, String name) {
    return "urn:ngsi-ld:" + type + ":" + tenant + ":" + name;
  }

  /**
   * Car parks, bathing water, beach, museum, sight, events around {@code now} and a bike station.
   */
  static void create(String base, String tenant, Instant now) {
    String parking = context("Parking");
    entity(
        base,
        tenant,
        parking,
        parking(id("OffStreetParking", tenant, "near"), "Nah", 54.3165, 13.0920, 40, 290));
    entity(
        base,
        tenant,
        parking,
        parking(id("OffStreetParking", tenant, "far"), "Fern", 54.3000, 13.0500, 100, 500));
    entity(
        base,
        tenant,
        parking,
        parking(id("OffStreetParking", tenant, "full"), "Voll", 54.3160, 13.0905, 0, 100));
    entity(
        base,
        tenant,
        context("WaterQuality"),
        """
        {"id": "%s", "type": "WaterQualityObserved",
         "name": {"type": "Property", "value": "Badewasser"},
         "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [13.0835, 54.3296]}},
         "temperature": {"type": "Property", "value": 19.5},
         "escherichiaColi": {"type": "Property", "value": 30}}
        """
            .formatted(id("WaterQualityObserved", tenant, "strandbad")));
    String poi = context("PointOfInterest");
    entity(base, tenant, poi, place("Beach", id("Beach", tenant, "strandbad"), "Strandbad"));
    entity(base, tenant, poi, place("Museum", id("Museum", tenant, "ozeaneum"), "Ozeaneum"));
    entity(
        base,
        tenant,
        poi,
        place("PointOfInterest", id("PointOfInterest", tenant, "rathaus"), "Rathaus"));
    String events = context("TourismDestinations");
    entity(base, tenant, events, event(id("Event", tenant, "past"), now.minus(Duration.ofDays(2))));
    entity(
        base,
        tenant,
        events,
        event(id("Event", tenant, "in-3-days"), now.plus(Duration.ofDays(3))));
    entity(
        base,
        tenant,
        events,
        event(id("Event", tenant, "in-10-days"), now.plus(Duration.ofDays(10))));
    entity(
        base,
        tenant,
        context("Transportation"),
        """
        {"id": "%s", "type": "BikeHireDockingStation",
         "name": {"type": "Property", "value": "Hauptbahnhof"},
         "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [13.0772, 54.3086]}},
         "availableBikeNumber": {"type": "Property", "value": 6},
         "freeSlotNumber": {"type": "Property", "value": 4}}
        """
            .formatted(id("BikeHireDockingStation", tenant, "hbf")));
  }

  /** Only the events (past, in 3 days, in 10 days) around {@code now}, with distinct ids. */
  static void createEvents(String base, String tenant, Instant now) {
    String events = context("TourismDestinations");
    String day = "-" + now.toString().substring(0, 10);
    entity(
        base,
        tenant,
        events,
        event(id("Event", tenant, "past" + day), now.minus(Duration.ofDays(2))));
    entity(
        base,
        tenant,
        events,
        event(id("Event", tenant, "in-3-days" + day), now.plus(Duration.ofDays(3))));
  }

  private static String parking(
      String id, String name, double lat, double lon, int free, int total) {
    return """
        {"id": "%s", "type": "OffStreetParking", "name": {"type": "Property", "value": "%s"},
         "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [%s, %s]}},
         "availableSpotNumber": {"type": "Property", "value": %d},
         "totalSpotNumber": {"type": "Property", "value": %d}}
        """
        .formatted(id, name, lon, lat, free, total);
  }

  private static String place(String type, String id, String name) {
    return """
        {"id": "%s", "type": "%s", "name": {"type": "Property", "value": "%s"},
         "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [13.09, 54.315]}}}
        """
        .formatted(id, type, name);
  }

  private static String event(String id, Instant start) {
    return """
        {"id": "%s", "type": "Event", "name": {"type": "Property", "value": "%s"},
         "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [13.0904, 54.316]}},
         "startDate": {"type": "Property", "value": "%s"},
         "endDate": {"type": "Property", "value": "%s"}}
        """
        .formatted(
            id, id.substring(id.lastIndexOf(':') + 1), start, start.plus(Duration.ofHours(3)));
  }

  private static String context(String domain) {
    return "https://raw.githubusercontent.com/smart-data-models/dataModel."
        + domain
        + "/master/context.jsonld";
  }

  private static void entity(String base, String tenant, String context, String entity) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/ngsi-ld/v1/entities"))
            .header("Content-Type", "application/json")
            .header(
                "Link",
                "<"
                    + context
                    + ">; rel=\"http://www.w3.org/ns/json-ld#context\";"
                    + " type=\"application/ld+json\"")
            .header("NGSILD-Tenant", tenant)
            .header(TestAdmin.HEADER, TestAdmin.KEY)
            .POST(HttpRequest.BodyPublishers.ofString(entity))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
