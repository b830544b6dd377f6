package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Available types and attributes (clauses 5.7.5 to 5.7.10). */
class DiscoveryTest extends ApiTest {

  @BeforeEach
  void createEntities() {
    http.post(
        ENTITIES,
        "{\"id\": \"urn:ngsi-ld:Beach:strandbad\", \"type\": \"Beach\", \"name\": \"Strandbad\"}");
    http.post(
        ENTITIES,
        "{\"id\": \"urn:ngsi-ld:Museum:ozeaneum\", \"type\": \"Museum\", \"name\": \"Ozeaneum\", \"refBeach\": {\"type\": \"Relationship\", \"object\": \"urn:ngsi-ld:Beach:strandbad\"}}");
    http.post(
        ENTITIES,
        "{\"id\": \"urn:ngsi-ld:Museum:meeresmuseum\", \"type\": \"Museum\", \"name\": \"Meeresmuseum\"}");
  }

  @Test
  void listsTypes() {
    JsonNode list = http.get("/ngsi-ld/v1/types").json();

    assertThat(list.path("type").asString()).isEqualTo("EntityTypeList");
    assertThat(strings(list.path("typeList"))).containsExactly("Beach", "Museum");
  }

  @Test
  void detailsOneType() {
    JsonNode info = http.get("/ngsi-ld/v1/types/Museum").json();

    assertThat(info.path("entityCount").asInt()).isEqualTo(2);
    assertThat(info.path("attributeDetails").size()).isEqualTo(2);
    assertThat(http.get("/ngsi-ld/v1/types/Nothing").status()).isEqualTo(404);
  }

  @Test
  void listsAttributesWithDetails() {
    JsonNode list = http.get("/ngsi-ld/v1/attributes").json();
    JsonNode details = http.get("/ngsi-ld/v1/attributes?details=true").json();
    JsonNode name = http.get("/ngsi-ld/v1/attributes/name").json();
    JsonNode ref = http.get("/ngsi-ld/v1/attributes/refBeach").json();

    assertThat(strings(list.path("attributeList"))).containsExactly("name", "refBeach");
    assertThat(details.size()).isEqualTo(2);
    assertThat(name.path("attributeCount").asInt()).isEqualTo(3);
    assertThat(strings(name.path("typeNames"))).containsExactlyInAnyOrder("Beach", "Museum");
    assertThat(strings(ref.path("attributeTypes"))).containsExactly("Relationship");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(e.asString()));
    return out;
  }
}
