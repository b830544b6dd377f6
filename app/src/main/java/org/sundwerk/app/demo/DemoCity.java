package org.sundwerk.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sundwerk.ngsild.codec.EntityReader;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo data set ({@code demo/city.json}): municipalities as tenants, each with its map centre
 * and Smart Data Models entities in NGSI-LD normalized form. The document's {@code @context} maps
 * the entity types to their Smart Data Models IRIs; attributes use the NGSI-LD default vocabulary.
 *
 * @param context the document's {@code @context}
 * @param terms the dictionary of that context, used by the loader, the ingestion and the portal
 * @param municipalities the tenants in document order
 */
public record DemoCity(JsonNode context, TermDictionary terms, List<Municipality> municipalities) {

  public static final String RESOURCE = "demo/city.json";

  public DemoCity {
    municipalities = List.copyOf(municipalities);
  }

  /**
   * @param tenant the NGSILD-Tenant of the municipality
   * @param name its display name
   * @param latitude map centre
   * @param longitude map centre
   * @param zoom initial Leaflet zoom level
   * @param entities its entities, names expanded
   */
  public record Municipality(
      String tenant,
      String name,
      double latitude,
      double longitude,
      int zoom,
      List<Entity> entities) {

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
    JsonNode context = document.get("@context");
    TermDictionary terms = resolver.resolve(context);
    List<Municipality> municipalities = new ArrayList<>();
    for (JsonNode tenant : document.path("tenants")) {
      List<Entity> entities = new ArrayList<>();
      for (JsonNode entity : tenant.path("entities")) {
        entities.add(EntityReader.readEntity(entity, terms));
      }
      JsonNode center = tenant.path("center");
      municipalities.add(
          new Municipality(
              tenant.path("tenant").asString(),
              tenant.path("name").asString(),
              center.path(0).asDouble(),
              center.path(1).asDouble(),
              tenant.path("zoom").asInt(14),
              entities));
    }
    return new DemoCity(context, terms, municipalities);
  }

  public Optional<Municipality> municipality(String tenant) {
    return municipalities.stream().filter(m -> m.tenant().equals(tenant)).findFirst();
  }
}
