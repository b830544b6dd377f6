package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Create, retrieve, replace, merge and delete entities (clauses 5.6.1, 5.6.6, 5.6.17, 5.6.18,
 * 5.7.1).
 */
class EntityCrudTest extends ApiTest {

  static final String GARAGE =
      """
      {"id": "urn:ngsi-ld:OffStreetParking:ozeaneum",
       "type": "OffStreetParking",
       "name": {"type": "Property", "value": "Parkhaus Ozeaneum"},
       "totalSpotNumber": {"type": "Property", "value": 340},
       "availableSpotNumber": {"type": "Property", "value": 121,
                               "observedAt": "2026-07-04T10:00:00Z",
                               "reliability": {"type": "Property", "value": 0.9}},
       "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [13.0969, 54.3152]}},
       "refOperator": {"type": "Relationship", "object": "urn:ngsi-ld:Organization:swsn"}}
      """;
  static final String GARAGE_URL = ENTITIES + "/urn:ngsi-ld:OffStreetParking:ozeaneum";

  @Test
  void createsAnEntityAndAnswersWithItsLocation() {
    Http.Response created = http.post(ENTITIES, GARAGE);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).contains(GARAGE_URL);
  }

  @Test
  void retrievesWhatWasCreatedInNormalizedForm() {
    http.post(ENTITIES, GARAGE);

    Http.Response got = http.get(GARAGE_URL);

    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json().path("type").asString()).isEqualTo("OffStreetParking");
    assertThat(got.json().at("/availableSpotNumber/value").asInt()).isEqualTo(121);
    assertThat(got.json().at("/availableSpotNumber/observedAt").asString())
        .isEqualTo("2026-07-04T10:00:00.000Z");
    assertThat(got.json().at("/availableSpotNumber/reliability/value").asDouble()).isEqualTo(0.9);
    assertThat(got.json().at("/refOperator/object").asString())
        .isEqualTo("urn:ngsi-ld:Organization:swsn");
    assertThat(got.json().at("/location/value/coordinates/0").asDouble()).isEqualTo(13.0969);
    assertThat(got.header("Link")).hasValueSatisfying(link -> assertThat(link).contains(CORE));
  }

  @Test
  void rendersKeyValuesConciseAndSystemAttributes() {
    http.post(ENTITIES, GARAGE);

    var keyValues = http.get(GARAGE_URL + "?options=keyValues").json();
    var concise = http.get(GARAGE_URL + "?format=concise").json();
    var sysAttrs = http.get(GARAGE_URL + "?options=sysAttrs").json();

    assertThat(keyValues.path("availableSpotNumber").asInt()).isEqualTo(121);
    assertThat(keyValues.path("refOperator").asString()).isEqualTo("urn:ngsi-ld:Organization:swsn");
    assertThat(concise.path("totalSpotNumber").asInt()).isEqualTo(340);
    assertThat(concise.at("/availableSpotNumber/value").asInt()).isEqualTo(121);
    assertThat(concise.at("/availableSpotNumber/type").isMissingNode()).isTrue();
    assertThat(concise.at("/refOperator/object").asString())
        .isEqualTo("urn:ngsi-ld:Organization:swsn");
    assertThat(sysAttrs.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(sysAttrs.at("/name/modifiedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void projectsWithAttrsPickAndOmit() {
    http.post(ENTITIES, GARAGE);

    var attrs = http.get(GARAGE_URL + "?attrs=name").json();
    var pick = http.get(GARAGE_URL + "?pick=id,totalSpotNumber").json();
    var omit = http.get(GARAGE_URL + "?omit=location,name").json();

    assertThat(attrs.has("name")).isTrue();
    assertThat(attrs.has("totalSpotNumber")).isFalse();
    assertThat(pick.has("type")).isFalse();
    assertThat(pick.has("totalSpotNumber")).isTrue();
    assertThat(pick.has("name")).isFalse();
    assertThat(omit.has("location")).isFalse();
    assertThat(omit.has("totalSpotNumber")).isTrue();
  }

  @Test
  void answersGeoJsonWhenAskedFor() {
    http.post(ENTITIES, GARAGE);

    Http.Response got = http.with("Accept", "application/geo+json").get(GARAGE_URL);

    assertThat(got.status()).isEqualTo(200);
    assertThat(got.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/geo+json"));
    assertThat(got.json().path("type").asString()).isEqualTo("Feature");
    assertThat(got.json().at("/geometry/type").asString()).isEqualTo("Point");
    assertThat(got.json().at("/properties/name/value").asString()).isEqualTo("Parkhaus Ozeaneum");
  }

  @Test
  void answersJsonLdWithTheContextInTheBody() {
    http.post(ENTITIES, GARAGE);

    Http.Response got = http.with("Accept", "application/ld+json").get(GARAGE_URL);

    assertThat(got.json().path("@context").asString()).isEqualTo(CORE);
    assertThat(got.header("Link")).isEmpty();
  }

  @Test
  void rejectsADuplicateWithAlreadyExists() {
    http.post(ENTITIES, GARAGE);

    Http.Response again = http.post(ENTITIES, GARAGE);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorType()).isEqualTo("AlreadyExists");
  }

  @Test
  void answersResourceNotFoundForAnUnknownEntity() {
    http.post(ENTITIES, GARAGE);

    Http.Response missing = http.get(ENTITIES + "/urn:ngsi-ld:OffStreetParking:nowhere");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorType()).isEqualTo("ResourceNotFound");
    assertThat(missing.json().path("detail").asString())
        .contains("urn:ngsi-ld:OffStreetParking:nowhere");
  }

  @Test
  void replacesAllAttributesButKeepsCreatedAt() {
    http.post(ENTITIES, GARAGE);
    String createdAt =
        http.get(GARAGE_URL + "?options=sysAttrs").json().path("createdAt").asString();

    Http.Response replaced =
        http.put(GARAGE_URL, "{\"type\": \"OffStreetParking\", \"totalSpotNumber\": 350}");

    assertThat(replaced.status()).isEqualTo(204);
    var after = http.get(GARAGE_URL + "?options=sysAttrs").json();
    assertThat(after.has("name")).isFalse();
    assertThat(after.at("/totalSpotNumber/value").asInt()).isEqualTo(350);
    assertThat(after.path("createdAt").asString()).isEqualTo(createdAt);
  }

  @Test
  void mergesAttributesAndDeletesWithNgsiLdNull() {
    http.post(ENTITIES, GARAGE);

    Http.Response merged =
        http.patch(
            GARAGE_URL,
            """
            {"availableSpotNumber": {"type": "Property", "value": 99},
             "name": "urn:ngsi-ld:null",
             "open": true}
            """);

    assertThat(merged.status()).isEqualTo(204);
    var after = http.get(GARAGE_URL).json();
    assertThat(after.at("/availableSpotNumber/value").asInt()).isEqualTo(99);
    assertThat(after.at("/availableSpotNumber/observedAt").asString())
        .isEqualTo("2026-07-04T10:00:00.000Z");
    assertThat(after.at("/availableSpotNumber/reliability/value").asDouble()).isEqualTo(0.9);
    assertThat(after.has("name")).isFalse();
    assertThat(after.at("/open/value").asBoolean()).isTrue();
  }

  @Test
  void deletesAnEntity() {
    http.post(ENTITIES, GARAGE);

    assertThat(http.delete(GARAGE_URL).status()).isEqualTo(204);
    assertThat(http.get(GARAGE_URL).status()).isEqualTo(404);
    assertThat(http.delete(GARAGE_URL).status()).isEqualTo(404);
  }

  @Test
  void keepsEveryAttributeKind() {
    Http.Response created =
        http.post(
            ENTITIES,
            """
            {"id": "urn:ngsi-ld:Museum:ozeaneum", "type": "Museum",
             "name": {"type": "LanguageProperty", "languageMap": {"de": "Ozeaneum", "en": "Ozeaneum Stralsund"}},
             "config": {"type": "JsonProperty", "json": {"any": ["json", 1]}},
             "category": {"type": "VocabProperty", "vocab": "museum"},
             "visitorsPerHour": {"type": "ListProperty", "valueList": [12, 40, 55]},
             "exhibits": {"type": "ListRelationship", "objectList": [{"object": "urn:ngsi-ld:Exhibit:1"}]},
             "temperature": [{"type": "Property", "value": 21.5},
                             {"type": "Property", "value": 12.0, "datasetId": "urn:ngsi-ld:Dataset:aquarium", "unitCode": "CEL"}]}
            """);
    assertThat(created.status()).isEqualTo(201);

    var got = http.get(ENTITIES + "/urn:ngsi-ld:Museum:ozeaneum").json();
    assertThat(got.at("/name/type").asString()).isEqualTo("LanguageProperty");
    assertThat(got.at("/name/languageMap/en").asString()).isEqualTo("Ozeaneum Stralsund");
    assertThat(got.at("/config/json/any/1").asInt()).isEqualTo(1);
    assertThat(got.at("/category/vocab").asString()).isEqualTo("museum");
    assertThat(got.at("/visitorsPerHour/valueList/2").asInt()).isEqualTo(55);
    assertThat(got.at("/exhibits/type").asString()).isEqualTo("ListRelationship");
    assertThat(got.path("temperature").size()).isEqualTo(2);
    assertThat(got.at("/temperature/1/datasetId").asString())
        .isEqualTo("urn:ngsi-ld:Dataset:aquarium");
    assertThat(got.at("/temperature/1/unitCode").asString()).isEqualTo("CEL");

    var english = http.get(ENTITIES + "/urn:ngsi-ld:Museum:ozeaneum?lang=en").json();
    assertThat(english.at("/name/type").asString()).isEqualTo("Property");
    assertThat(english.at("/name/value").asString()).isEqualTo("Ozeaneum Stralsund");
    assertThat(english.at("/name/lang").asString()).isEqualTo("en");
  }
}
