package org.sundwerk.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sundwerk.portal.search.SearchDocument;
import org.sundwerk.portal.search.SearchKind;
import org.sundwerk.portal.search.SearchSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's services for the portal search ({@code demo/services.json}): real services of
 * Stralsund and the district (Mängelmelder, the online town hall, the waste calendar), linked to
 * their public sites. Until the services layer has a catalog, this is where the demo's services
 * come from.
 */
public final class DemoServices implements SearchSource {

  private static final String RESOURCE = "demo/services.json";

  private final Map<String, List<SearchDocument>> byTenant;

  private DemoServices(Map<String, List<SearchDocument>> byTenant) {
    this.byTenant = Map.copyOf(byTenant);
  }

  public static DemoServices load() {
    try (InputStream in = DemoServices.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("demo services: " + RESOURCE + " is missing");
      }
      JsonNode root = JsonMapper.builder().build().readTree(in);
      Map<String, List<SearchDocument>> byTenant = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> tenant : root.properties()) {
        List<SearchDocument> documents = new ArrayList<>();
        for (JsonNode service : tenant.getValue()) {
          documents.add(
              new SearchDocument(
                  SearchKind.SERVICE,
                  service.path("ref").asString(),
                  service.path("url").asString(),
                  service.path("title").path("de").asString(),
                  service.path("title").path("en").asString(),
                  service.path("text").path("de").asString(),
                  service.path("text").path("en").asString()));
        }
        byTenant.put(tenant.getKey(), List.copyOf(documents));
      }
      return new DemoServices(byTenant);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Stream<SearchDocument> documents(String tenant) {
    return byTenant.getOrDefault(tenant, List.of()).stream();
  }
}
