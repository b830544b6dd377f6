package org.sundwerk.ngsild.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading and writing the representations of clause 4.5. */
class EntityCodecTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TermDictionary TERMS = TermDictionary.IDENTITY;

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void writesBackTheNormalizedFormItRead() {
    JsonNode normalized =
        json(
            """
            {"id": "urn:ngsi-ld:Beach:strandbad", "type": "Beach", "scope": "/Stralsund/Knieper",
             "waterTemperature": {"type": "Property", "value": 19.5, "unitCode": "CEL",
                                  "observedAt": "2026-07-04T10:00:00.000Z",
                                  "sensor": {"type": "Relationship", "object": "urn:ngsi-ld:Device:t1"}},
             "name": {"type": "LanguageProperty", "languageMap": {"de": "Strandbad", "en": "Lido"}},
             "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [13.1045, 54.3283]}}}
            """);

    Entity entity = EntityReader.readEntity(normalized, TERMS);

    assertThat(EntityWriter.write(entity, TERMS, Representation.NORMALIZED)).isEqualTo(normalized);
  }

  @ParameterizedTest(name = "{0} is a {1}")
  @CsvSource(
      delimiterString = "=>",
      value = {
        "42 => PROPERTY",
        "\"text\" => PROPERTY",
        "{\"value\": 1, \"unitCode\": \"CEL\"} => PROPERTY",
        "{\"street\": \"Am Markt\"} => PROPERTY",
        "{\"object\": \"urn:ngsi-ld:X:1\"} => RELATIONSHIP",
        "{\"type\": \"Point\", \"coordinates\": [13.1, 54.3]} => GEO_PROPERTY",
        "{\"languageMap\": {\"de\": \"Hallo\"}} => LANGUAGE_PROPERTY",
        "{\"json\": {\"a\": 1}} => JSON_PROPERTY",
        "{\"vocab\": \"open\"} => VOCAB_PROPERTY",
        "{\"valueList\": [1, 2]} => LIST_PROPERTY",
        "{\"objectList\": [{\"object\": \"urn:ngsi-ld:X:1\"}]} => LIST_RELATIONSHIP",
      })
  void readsConciseAttributes(String attribute, AttributeKind kind) {
    Entity entity =
        EntityReader.readEntity(
            json("{\"id\": \"urn:x:1\", \"type\": \"T\", \"a\": " + attribute + "}"), TERMS);

    assertThat(entity.defaultInstance("a").orElseThrow().kind()).isEqualTo(kind);
  }

  @Test
  void writesSimplifiedValues() {
    Entity entity =
        EntityReader.readEntity(
            json(
                """
                {"id": "urn:x:1", "type": "T", "a": {"value": 1, "observedAt": "2026-01-01T00:00:00Z"},
                 "r": {"object": "urn:x:2"}, "n": {"languageMap": {"de": "Markt", "en": "market"}}}
                """),
            TERMS);

    JsonNode simplified =
        EntityWriter.write(
            entity,
            TERMS,
            Representation.NORMALIZED
                .withFormat(Representation.Format.SIMPLIFIED)
                .withLang(java.util.Optional.of("en")));

    assertThat(simplified)
        .isEqualTo(
            json(
                "{\"id\": \"urn:x:1\", \"type\": \"T\", \"a\": 1, \"r\": \"urn:x:2\", \"n\": \"market\"}"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      value = {
        "{\"id\": \"not a uri\", \"type\": \"T\"} => not a URI",
        "{\"type\": \"T\"} => id",
        "{\"id\": \"urn:x:1\"} => no type",
        "{\"id\": \"urn:x:1\", \"type\": \"T\", \"a\": null} => null",
        "{\"id\": \"urn:x:1\", \"type\": \"T\", \"a\": {\"type\": \"Property\"}} => value",
        "{\"id\": \"urn:x:1\", \"type\": \"T\", \"a\": {\"type\": \"Weird\", \"value\": 1}} => Weird",
        "{\"id\": \"urn:x:1\", \"type\": \"T\", \"https://uri.etsi.org/ngsi-ld/location\": 5} => GeoProperty",
        "{\"id\": \"urn:x:1\", \"type\": \"T\", \"a\": {\"value\": 1, \"observedAt\": \"yesterday\"}} => ISO 8601",
        "{\"id\": \"urn:x:1\", \"type\": \"T\", \"scope\": \"no-slash\"} => Scope",
      })
  void rejectsInvalidEntitiesWithBadRequestData(String payload, String message) {
    assertThatThrownBy(() -> EntityReader.readEntity(json(payload), TERMS))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_REQUEST_DATA))
        .hasMessageContaining(message);
  }
}
