package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sundwerk.app.TestAdmin;
import tools.jackson.databind.JsonNode;

/**
 * The map's server-sent events over plain HTTP: a PATCH through the NGSI-LD API reaches an open
 * stream as the one changed marker (fed by the broker's local subscription), in the stream's
 * language; an entity type anonymous readers may not see never appears; unknown tenants get none.
 */
class CityMapEventsTest extends CityTest {

  private static final String CAR_PARK =
      "urn:ngsi-ld:OffStreetParking:stralsund:parkhaus-am-ozeaneum";
  private static final HttpClient STREAMS = HttpClient.newHttpClient();

  @Test
  void pushesTheChangedMarkerAfterAPatch() throws Exception {
    HttpResponse<InputStream> stream = open("/portal/map/events?tenant=stralsund&lang=en");
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
    assertThat(lines.readLine()).startsWith(":"); // the stream is open

    int before = entity(STRALSUND, CAR_PARK).at("/availableSpotNumber/value").asInt();
    int now = before == 7 ? 8 : 7;
    assertThat(patch(CAR_PARK, "{\"availableSpotNumber\": " + now + "}")).isEqualTo(204);
    List<String> event = nextEvent(lines, "marker");
    patch(CAR_PARK, "{\"availableSpotNumber\": " + before + "}");
    stream.body().close();

    JsonNode marker = JSON.readTree(event.get(1).substring("data:".length()));
    assertThat(marker.path("id").asString()).isEqualTo(CAR_PARK);
    assertThat(marker.path("kind").asString()).isEqualTo("parking");
    assertThat(marker.path("state").asString()).isEqualTo(now + " of 500 spaces free");
    assertThat(marker.path("levelLabel").asString()).isEqualTo("critical");
    assertThat(marker.path("path").asString())
        .isEqualTo("/orte/" + URLEncoder.encode(CAR_PARK, StandardCharsets.UTF_8));
  }

  @Test
  void answersNoStreamForATenantWithoutALiveMap() throws Exception {
    HttpResponse<InputStream> stream = open("/portal/map/events?tenant=nowhere");

    assertThat(stream.statusCode()).isEqualTo(404);
    stream.body().close();
  }

  private HttpResponse<InputStream> open(String path) throws Exception {
    return STREAMS.send(
        HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  /** The lines (event:, data:) of the next event named {@code name}, waiting at most 20 s. */
  private static List<String> nextEvent(BufferedReader lines, String name) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                List<String> event = new ArrayList<>();
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.isEmpty()) {
                    if (!event.isEmpty() && event.getFirst().equals("event:" + name)) {
                      return event;
                    }
                    event.clear();
                  } else if (!line.startsWith(":")) {
                    event.add(line);
                  }
                }
                throw new AssertionError("stream ended");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .get(Duration.ofSeconds(20).toSeconds(), TimeUnit.SECONDS);
  }

  private int patch(String id, String body) {
    return send(HttpRequest.newBuilder(
                uri(ENTITIES + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/attrs"))
            .header("NGSILD-Tenant", STRALSUND)
            .header("Content-Type", "application/json")
            .header("Link", link(contextOf("OffStreetParking")))
            .header(TestAdmin.HEADER, TestAdmin.KEY)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .build())
        .status();
  }
}
