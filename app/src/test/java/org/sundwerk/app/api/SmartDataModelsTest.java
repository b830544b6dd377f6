package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real Smart Data Models payloads (JSON-LD, clause 5.5.7 and 4.5): each example is created with its
 * own @context (the bundled contexts, answered offline) and reads back equal in normalized and
 * keyValues form.
 */
class SmartDataModelsTest extends ApiTest {

  private static final Set<String> TIME_MEMBERS = Set.of("observedAt", "createdAt", "modifiedAt");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AirQualityObserved",
        "Museum",
        "OffStreetParking",
        "ParkingSpot",
        "WasteContainer",
        "WaterQualityObserved"
      })
  void readsBackEqual(String model) {
    ObjectNode example = read(model + ".example-normalized.jsonld");
    JsonNode context = example.get("@context");
    String id = example.path("id").asString();

    Http.Response created = http.postLd(ENTITIES, example.toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    // The context of a JSON-LD request body is not remembered: the reader names it again.
    Http reader = http.link(firstDomainContext(context));
    Http.Response normalized = reader.get(ENTITIES + "/" + id);
    Http.Response keyValues = reader.get(ENTITIES + "/" + id + "?options=keyValues");

    assertThat(normalizeTimes(normalized.json()))
        .isEqualTo(normalizeTimes(withoutContext(example)));
    assertThat(keyValues.json()).isEqualTo(keyValuesOf(withoutContext(example)));
  }

  /**
   * A client that sends only the official Parking context queries by the published attribute names;
   * the same query in the core vocabulary names other attributes and finds nothing.
   */
  @Test
  void queriesWithTheOfficialParkingContext() {
    ObjectNode example = read("OffStreetParking.example-normalized.jsonld");
    assertThat(http.postLd(ENTITIES, example.toString()).status()).isEqualTo(201);
    String query = ENTITIES + "?type=OffStreetParking&q=availableSpotNumber%3E50";

    Http.Response withParking = http.link(TestContexts.PARKING).get(query);
    Http.Response withCore = http.get(query);

    assertThat(withParking.json())
        .extracting(e -> e.path("id").asString())
        .containsExactly(example.path("id").asString());
    assertThat(withParking.json().path(0).at("/availableSpotNumber/value").asInt()).isEqualTo(132);
    assertThat(withCore.json()).isEmpty();
  }

  private static String firstDomainContext(JsonNode context) {
    if (context.isString()) {
      return context.asString();
    }
    for (JsonNode element : context) {
      if (!element.asString().contains("uri.etsi.org")) {
        return element.asString();
      }
    }
    throw new IllegalArgumentException("no domain context in " + context);
  }

  /** The simplified form as clause 4.5.4 defines it, derived from the normalized example. */
  private static JsonNode keyValuesOf(ObjectNode normalized) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> member : normalized.properties()) {
      JsonNode value = member.getValue();
      if (!value.isObject()) {
        out.set(member.getKey(), value);
      } else if (value.has("object")) {
        out.set(member.getKey(), value.get("object"));
      } else {
        out.set(member.getKey(), value.get("value"));
      }
    }
    return out;
  }

  private static ObjectNode withoutContext(JsonNode body) {
    ObjectNode copy = ((ObjectNode) body).deepCopy();
    copy.remove("@context");
    return copy;
  }

  /** Date-times compare as instants: the broker prints them with milliseconds in UTC. */
  private static JsonNode normalizeTimes(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        JsonNode value = member.getValue();
        if (TIME_MEMBERS.contains(member.getKey()) && value.isString()) {
          copy.put(member.getKey(), OffsetDateTime.parse(value.asString()).toInstant().toString());
        } else {
          copy.set(member.getKey(), normalizeTimes(value));
        }
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(normalizeTimes(element)));
      return copy;
    }
    return node;
  }

  private static ObjectNode read(String file) {
    try (InputStream in =
        SmartDataModelsTest.class.getResourceAsStream("/smart-data-models/" + file)) {
      return (ObjectNode) Http.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
