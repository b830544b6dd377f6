package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pagination links (clause 5.5.9): a page with more results after it links to the next page with
 * {@code Link: <…>; rel="next"}, a page after the first links back with {@code rel="prev"}, for
 * every query that pages. Walking the next links visits every match once, in order.
 */
class PaginationTest extends ApiTest {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>;\\s*rel=\"([a-z]+)\"");
  private static final int ENTITY_COUNT = 23;

  @BeforeEach
  void createSensors() {
    for (int i = 0; i < ENTITY_COUNT; i++) {
      String body =
          """
          {"id": "urn:ngsi-ld:Sensor:s%02d", "type": "Sensor",
           "level": {"type": "Property", "value": %d, "observedAt": "2026-07-04T10:00:00Z"}}
          """
              .formatted(i, i);
      assertThat(http.post(ENTITIES, body).status()).isEqualTo(201);
    }
    http.post(ENTITIES, "{\"id\": \"urn:ngsi-ld:Other:o\", \"type\": \"Other\", \"level\": 1}");
  }

  @Test
  void walksEveryEntityOnceThroughTheNextLinks() {
    assertThat(walk(ENTITIES + "?type=Sensor&limit=5"))
        .containsExactlyElementsOf(sensors(0, ENTITY_COUNT));
  }

  @Test
  void walksAFilteredQueryWithTheFilterKeptInTheLinks() {
    assertThat(walk(ENTITIES + "?type=Sensor&q=level%3E=10&limit=4"))
        .containsExactlyElementsOf(sensors(10, ENTITY_COUNT));
  }

  @Test
  void walksAPostQueryByPostingTheSameBodyToTheNextLinks() {
    String body = "{\"type\": \"Query\", \"entities\": [{\"type\": \"Sensor\"}]}";
    List<String> ids = new ArrayList<>();
    Optional<String> next = Optional.of("/ngsi-ld/v1/entityOperations/query?limit=10");
    while (next.isPresent()) {
      Http.Response page = http.post(next.get(), body);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.json().forEach(item -> ids.add(item.path("id").asString()));
      next = link(page, "next");
    }
    assertThat(ids).containsExactlyElementsOf(sensors(0, ENTITY_COUNT));
  }

  @Test
  void walksTemporalEntitiesThroughTheNextLinks() {
    assertThat(walk("/ngsi-ld/v1/temporal/entities?type=Sensor&limit=6"))
        .containsExactlyElementsOf(sensors(0, ENTITY_COUNT));
  }

  @Test
  void countsTemporalEntitiesWhileReturningOnePage() {
    Http.Response page =
        http.get("/ngsi-ld/v1/temporal/entities?type=Sensor&limit=2&offset=4&count=true");

    assertThat(page.json().size()).isEqualTo(2);
    assertThat(page.header("NGSILD-Results-Count")).contains(Integer.toString(ENTITY_COUNT));
  }

  @Test
  void walksSubscriptionsThroughTheNextLinks() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String id = "urn:ngsi-ld:Subscription:p" + i;
      assertThat(
              http.post("/ngsi-ld/v1/subscriptions", SubscriptionCrudTest.subscription(id, ""))
                  .status())
          .isEqualTo(201);
      created.add(id);
    }
    assertThat(walk("/ngsi-ld/v1/subscriptions?limit=3")).containsExactlyElementsOf(created);
  }

  @Test
  void linksBackToThePreviousPageAndNotPastTheLast() {
    Http.Response middle = http.get(ENTITIES + "?type=Sensor&limit=5&offset=7");
    Http.Response last = http.get(ENTITIES + "?type=Sensor&limit=5&offset=20");
    Http.Response only = http.get(ENTITIES + "?type=Other");

    assertThat(link(middle, "prev")).contains(ENTITIES + "?type=Sensor&limit=5&offset=2");
    assertThat(link(middle, "next")).contains(ENTITIES + "?type=Sensor&limit=5&offset=12");
    assertThat(link(last, "next")).isEmpty();
    assertThat(link(last, "prev")).contains(ENTITIES + "?type=Sensor&limit=5&offset=15");
    assertThat(link(only, "next")).isEmpty();
    assertThat(link(only, "prev")).isEmpty();
  }

  /** Follows rel="next" from {@code first} to the end; the ids of every page, in order. */
  private List<String> walk(String first) {
    List<String> ids = new ArrayList<>();
    Optional<String> next = Optional.of(first);
    int pages = 0;
    while (next.isPresent()) {
      Http.Response page = http.get(next.get());
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      List<String> pageIds = new ArrayList<>();
      for (JsonNode item : page.json()) {
        pageIds.add(item.path("id").asString());
      }
      assertThat(pageIds).as("page %d of %s", pages, first).isNotEmpty().doesNotHaveDuplicates();
      assertThat(ids).as("pages overlap").doesNotContainAnyElementsOf(pageIds);
      ids.addAll(pageIds);
      next = link(page, "next");
      assertThat(++pages).as("pages of %s", first).isLessThan(50);
    }
    return ids;
  }

  private static Optional<String> link(Http.Response response, String rel) {
    for (String header : response.raw().headers().allValues("Link")) {
      Matcher matcher = LINK.matcher(header);
      while (matcher.find()) {
        if (matcher.group(2).equals(rel)) {
          return Optional.of(matcher.group(1));
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> sensors(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> "urn:ngsi-ld:Sensor:s%02d".formatted(i))
        .toList();
  }
}
