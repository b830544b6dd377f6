package org.sundwerk.ngsild.query;

import static org.sundwerk.ngsild.query.PrefixTerms.EX;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixed test fixture of the query tests: ten entities in Stralsund at their real coordinates,
 * with expanded names as the store keeps them. Ids end in a short name that the test tables use.
 */
final class Stralsund {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static final String RATHAUS = "[13.0916,54.3158]";
  static final String OZEANEUM = "[13.0969,54.3152]";
  static final String HAUPTBAHNHOF = "[13.0775,54.3081]";
  static final String HBF_ENTRANCE = "[13.0800,54.3090]";
  static final String STRANDBAD_SQUARE =
      "[[[13.1040,54.3278],[13.1050,54.3278],[13.1050,54.3288],[13.1040,54.3288],[13.1040,54.3278]]]";
  static final String ALTSTADT_BOX =
      "[[[13.085,54.309],[13.100,54.309],[13.100,54.318],[13.085,54.318],[13.085,54.309]]]";

  static final List<Entity> ENTITIES =
      List.of(
          entity("urn:ngsi-ld:Museum:ozeaneum", "Museum", "TouristAttraction")
              .scopes("/Stralsund/Altstadt/Hafen", "/Kultur")
              .geo("location", "Point", OZEANEUM)
              .property("name", "\"Ozeaneum\"")
              .property("visitors", "550000")
              .property("open", "true")
              .property("category", "[\"museum\",\"aquarium\"]")
              .property(
                  "address",
                  "{\"streetAddress\":\"Hafenstraße 11\",\"postalCode\":\"18439\","
                      + "\"addressLocality\":\"Stralsund\"}")
              .measurement("temperature", null, "18.5", "2026-06-01T12:00:00Z", "CEL")
              .property("opened", "\"2008-07-11T10:00:00Z\"")
              .property("homepage", "\"https://www.ozeaneum.de\"")
              .property(
                  "lastInspection", "{\"@type\":\"DateTime\",\"@value\":\"2026-03-01T08:00:00Z\"}")
              .build(),
          entity("urn:ngsi-ld:Building:rathaus", "Building", "TouristAttraction")
              .scopes("/Stralsund/Altstadt", "/Kultur")
              .geo("location", "Point", RATHAUS)
              .property("name", "\"Rathaus\"")
              .property("built", "1278")
              .property(
                  "address",
                  "{\"streetAddress\":\"Alter Markt\",\"postalCode\":\"18439\","
                      + "\"addressLocality\":\"Stralsund\"}")
              .measurement("temperature", null, "21.0", "2026-06-01T08:00:00Z", "CEL")
              .attribute(
                  "description",
                  AttributeKind.LANGUAGE_PROPERTY,
                  "{\"de\":\"Rathaus am Alten Markt\",\"en\":\"Town hall\"}")
              .build(),
          entity("urn:ngsi-ld:Beach:strandbad", "Beach")
              .scopes("/Stralsund/Nord")
              .geo("location", "Polygon", STRANDBAD_SQUARE)
              .property("name", "\"Strandbad\"")
              .property("open", "false")
              .measurement("temperature", null, "24.0", "2026-06-01T13:00:00Z", null)
              .measurement(
                  "temperature", "urn:ngsi-ld:Dataset:water", "17.5", "2026-06-01T09:00:00Z", null)
              .build(),
          entity("urn:ngsi-ld:TrainStation:hbf", "TrainStation")
              .scopes("/Stralsund/Tribseer/Bahnhof")
              .geo("location", "Point", HAUPTBAHNHOF)
              .add(
                  "location",
                  new Attribute(
                      AttributeKind.GEO_PROPERTY,
                      json("{\"type\":\"Point\",\"coordinates\":" + HBF_ENTRANCE + "}"),
                      "urn:ngsi-ld:Dataset:entrance",
                      null,
                      null,
                      null,
                      null,
                      Map.of()))
              .property("name", "\"Hauptbahnhof\"")
              .attribute("operator", AttributeKind.RELATIONSHIP, "\"urn:ngsi-ld:Company:db\"")
              .property("platforms", "7")
              .property("opened", "\"1863-10-01\"")
              .build(),
          entity("urn:ngsi-ld:OffStreetParking:hafen", "OffStreetParking")
              .scopes("/Stralsund/Altstadt/Hafen", "/Verkehr/Parken")
              .geo("location", "Point", "[13.0990,54.3140]")
              .property("name", "\"Parkhaus Hafen\"")
              .add(
                  "availableSpotNumber",
                  new Attribute(
                      AttributeKind.PROPERTY,
                      json("42"),
                      null,
                      Instant.parse("2026-06-01T12:30:00Z"),
                      null,
                      null,
                      null,
                      Map.of(EX + "reliability", List.of(plain("0.9")))))
              .property("totalSpotNumber", "120")
              .attribute("refDevice", AttributeKind.RELATIONSHIP, "\"urn:ngsi-ld:Device:p1\"")
              .property("address", "{\"postalCode\":\"18439\",\"addressLocality\":\"Stralsund\"}")
              .build(),
          entity("urn:ngsi-ld:OffStreetParking:bahnhof", "OffStreetParking")
              .scopes("/Stralsund/Tribseer", "/Verkehr/Parken")
              .geo("location", "Point", "[13.0790,54.3085]")
              .property("name", "\"P+R Bahnhof\"")
              .add(
                  "availableSpotNumber",
                  plain("0").withSubAttributes(Map.of(EX + "reliability", List.of(plain("0.5")))))
              .property("totalSpotNumber", "80")
              .attribute(
                  "refDevice",
                  AttributeKind.RELATIONSHIP,
                  "[\"urn:ngsi-ld:Device:p2\",\"urn:ngsi-ld:Device:p3\"]")
              .build(),
          entity("urn:ngsi-ld:Route:hafenweg", "Route")
              .scopes("/Verkehr")
              .geo(
                  "location",
                  "LineString",
                  "[" + HAUPTBAHNHOF + "," + RATHAUS + "," + OZEANEUM + "]")
              .property("name", "\"Weg zum Hafen\"")
              .property("length", "1250.5")
              .build(),
          entity("urn:ngsi-ld:Sensor:s1", "Sensor", "Device")
              .geo("location", "MultiPoint", "[[13.0935,54.3125],[13.0940,54.3127]]")
              .geo(
                  "observationSpace",
                  "Polygon",
                  "[[[13.093,54.312],[13.095,54.312],[13.095,54.313],[13.093,54.313],[13.093,54.312]]]")
              .attribute("controlledProperty", AttributeKind.VOCAB_PROPERTY, "\"airQuality\"")
              .attribute("tags", AttributeKind.LIST_PROPERTY, "[\"air\",\"water\"]")
              .attribute(
                  "connectedTo",
                  AttributeKind.LIST_RELATIONSHIP,
                  "[{\"object\":\"urn:ngsi-ld:Gateway:g1\"},{\"object\":\"urn:ngsi-ld:Gateway:g2\"}]")
              .property("temperature", "19.0")
              .build(),
          entity("urn:ngsi-ld:District:altstadt", "District")
              .scopes("/Stralsund/Altstadt")
              .geo("location", "Polygon", ALTSTADT_BOX)
              .property("name", "\"Altstadt\"")
              .property("population", "5800")
              .build(),
          entity("urn:ngsi-ld:Person:anna", "Person")
              .scopes("/Privat")
              .property("name", "\"Anna \\\"Sunny\\\" Müller\"")
              .property("birthDate", "\"1990-05-01\"")
              .property("email", "\"anna@example.org\"")
              .build());

  private Stralsund() {}

  /** The short names (the last id segment) of the fixture entities that pass, sorted. */
  static List<String> idsWhere(Predicate<Entity> filter) {
    return ENTITIES.stream().filter(filter).map(Stralsund::shortId).sorted().toList();
  }

  /** Splits the expected column of a test table: short ids separated by spaces, or blank. */
  static List<String> expected(String ids) {
    return ids == null || ids.isBlank() ? List.of() : List.of(ids.trim().split("\\s+"));
  }

  static String shortId(Entity entity) {
    return entity.id().substring(entity.id().lastIndexOf(':') + 1);
  }

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  private static Attribute plain(String value) {
    return Attribute.of(AttributeKind.PROPERTY, json(value));
  }

  private static Builder entity(String id, String... types) {
    return new Builder(id, List.of(types));
  }

  private static final class Builder {
    private final String id;
    private final List<String> types;
    private List<String> scopes = List.of();
    private final Map<String, List<Attribute>> attributes = new LinkedHashMap<>();

    Builder(String id, List<String> types) {
      this.id = id;
      this.types = types.stream().map(t -> EX + t).toList();
    }

    Builder scopes(String... values) {
      scopes = List.of(values);
      return this;
    }

    Builder add(String name, Attribute attribute) {
      attributes
          .computeIfAbsent(PrefixTerms.TERMS.expand(name), n -> new ArrayList<>())
          .add(attribute);
      return this;
    }

    Builder attribute(String name, AttributeKind kind, String value) {
      return add(name, Attribute.of(kind, json(value)));
    }

    Builder property(String name, String value) {
      return attribute(name, AttributeKind.PROPERTY, value);
    }

    Builder geo(String name, String type, String coordinates) {
      return attribute(
          name,
          AttributeKind.GEO_PROPERTY,
          "{\"type\":\"" + type + "\",\"coordinates\":" + coordinates + "}");
    }

    Builder measurement(
        String name, String datasetId, String value, String observedAt, String unitCode) {
      return add(
          name,
          new Attribute(
              AttributeKind.PROPERTY,
              json(value),
              datasetId,
              observedAt == null ? null : Instant.parse(observedAt),
              unitCode,
              null,
              null,
              Map.of()));
    }

    Entity build() {
      return new Entity(id, types, scopes, attributes, null, null);
    }
  }
}
