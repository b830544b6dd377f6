package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.sundwerk.app.TestAdmin;

/**
 * Entities and their history for the detail page tests, written as a client would: over the NGSI-LD
 * API with the platform operator's key and a Smart Data Models context in the Link header.
 */
final class PlaceData {

  static final String WATER_CONTEXT =
      "https://raw.githubusercontent.com/smart-data-models/dataModel.WaterQuality/master/context.jsonld";
  static final String WASTE_CONTEXT =
      "https://raw.githubusercontent.com/smart-data-models/dataModel.WasteManagement/master/context.jsonld";

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String base;

  PlaceData(String base) {
    this.base = base;
  }

  /** The path of the detail page of {@code id} in {@code tenant}. */
  static String place(String id, String tenant) {
    return "/orte/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?tenant=" + tenant;
  }

  /** A Property instance in normalized form. */
  static String instance(double value, Instant observedAt) {
    return "{\"type\": \"Property\", \"value\": "
        + value
        + ", \"observedAt\": \""
        + observedAt
        + "\"}";
  }

  void create(String tenant, String context, String entity) {
    int status = send("/ngsi-ld/v1/entities", tenant, context, entity);
    assertThat(status).as(entity).isEqualTo(201);
  }

  /** Instances of {@code attribute} of a WaterQualityObserved (Create or Update Temporal). */
  void addWaterHistory(String tenant, String id, String attribute, List<String> instances) {
    String body =
        "{\"id\": \""
            + id
            + "\", \"type\": \"WaterQualityObserved\", \""
            + attribute
            + "\": ["
            + String.join(",", instances)
            + "]}";
    int status = send("/ngsi-ld/v1/temporal/entities", tenant, WATER_CONTEXT, body);
    assertThat(status).as(body).isIn(201, 204);
  }

  private int send(String path, String tenant, String context, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("NGSILD-Tenant", tenant)
            .header(TestAdmin.HEADER, TestAdmin.KEY)
            .header(
                "Link",
                "<"
                    + context
                    + ">; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
