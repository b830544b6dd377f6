package org.sundwerk.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sundwerk.ngsild.codec.EntityReader;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo data set ({@code demo/city.json}): municipalities as tenants, each with Smart Data
 * Models entities in NGSI-LD normalized form. The document's {@code contexts} give each entity type
 * the official Smart Data Models context of its domain (plus the core context), so types and
 * attributes expand to the IRIs a client reading with that context expects, e.g. {@code
 * availableSpotNumber} with the Parking context. One context for all would not do: the domains give
 * the same term different IRIs ({@code temperature} in Weather, WaterQuality, Environment).
 *
 * @param terms each entity type's dictionary, by the type's term (e.g. {@code OffStreetParking})
 * @param municipalities the tenants in document order
 */
public record DemoCity(Map<String, TermDictionary> terms, List<Municipality> municipalities) {

  public static final String RESOURCE = "demo/city.json";

  public DemoCity {
    terms = Map.copyOf(terms);
    municipalities = List.copyOf(municipalities);
  }

  /**
   * @param tenant the NGSILD-Tenant of the municipality
   * @param name its display name
   * @param entities its entities, names expanded
   */
  public record Municipality(String tenant, String name, List<Entity> entities) {

    public Municipality {
      entities = List.copyOf(entities);
    }
  }

  /** Reads the bundled data set. */
  public static DemoCity load(ContextResolver resolver) {
    try (InputStream in = DemoCity.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return read(JsonMapper.builder().build().readTree(in), resolver);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DemoCity read(JsonNode document, ContextResolver resolver) {
    Map<String, TermDictionary> terms = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> type : document.path("contexts").properties()) {
      terms.put(type.getKey(), resolver.resolve(type.getValue()));
    }
    List<Municipality> municipalities = new ArrayList<>();
    for (JsonNode tenant : document.path("tenants")) {
      List<Entity> entities = new ArrayList<>();
      for (JsonNode entity : tenant.path("entities")) {
        String type = entity.path("type").asString();
        TermDictionary typeTerms = terms.get(type);
        if (typeTerms == null) {
          throw new IllegalStateException(RESOURCE + ": no context for the type " + type);
        }
        entities.add(EntityReader.readEntity(entity, typeTerms));
      }
      municipalities.add(
          new Municipality(
              tenant.path("tenant").asString(), tenant.path("name").asString(), entities));
    }
    return new DemoCity(terms, municipalities);
  }

  /**
   * The IRI of an attribute or of the type itself in the context of an entity type of the demo.
   *
   * @throws IllegalArgumentException when the demo has no such type
   */
  public String expand(String type, String term) {
    TermDictionary typeTerms = terms.get(type);
    if (typeTerms == null) {
      throw new IllegalArgumentException("the demo city has no type " + type);
    }
    return typeTerms.expand(term);
  }
}
