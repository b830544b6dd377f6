package org.sundwerk.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.app.business.CatalogJson;
import org.sundwerk.business.catalog.ServiceId;
import org.sundwerk.business.catalog.ServiceQuery;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.catalog.Stage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's service catalog ({@code demo/catalog.json}): about 25 invented services of the demo
 * partners, bound to the demo city's live data, in mixed lifecycle stages, some with a business
 * model canvas. Seeded only into a tenant whose catalog is empty, so a restart never repeats it and
 * never undoes what partners and operators changed.
 */
public final class DemoCatalog {

  private static final String RESOURCE = "demo/catalog.json";

  /** Who the seeded lifecycle steps name as their decider. */
  static final String SEEDER = "demo";

  private final Services services;

  public DemoCatalog(Services services) {
    this.services = services;
  }

  /** Seeds every tenant of the file whose catalog is empty; returns how many services it added. */
  public int seedIfEmpty() {
    JsonNode root = read();
    int added = 0;
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      TenantId tenant = TenantId.of(entry.getKey());
      if (services.search(tenant, ServiceQuery.published().includingUnpublished()).total() > 0) {
        continue;
      }
      for (JsonNode service : entry.getValue()) {
        seed(tenant, service);
        added++;
      }
    }
    return added;
  }

  private void seed(TenantId tenant, JsonNode json) {
    ServiceId id = new ServiceId(json.path("id").asString());
    services.create(
        tenant,
        id,
        new PartnerId(json.path("provider").asString()),
        CatalogJson.draft(json),
        SEEDER);
    Stage target = CatalogJson.parse(Stage.class, json.path("stage").asString("idea"));
    String reason = json.path("reason").asString("Demo");
    // Through every stage on the way, as operators would have moved it.
    for (Stage stage : Stage.values()) {
      if (stage.compareTo(Stage.IDEA) > 0 && stage.compareTo(target) <= 0) {
        services.move(
            tenant, id, stage, SEEDER, stage == target ? reason : "Demo: " + stage.name());
      }
    }
    if (json.path("published").asBoolean(false)) {
      services.approve(tenant, id);
    }
    if (json.has("canvas")) {
      services.saveCanvas(tenant, id, CatalogJson.canvas(json.path("canvas")));
    }
  }

  private static JsonNode read() {
    try (InputStream in = DemoCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("demo catalog: " + RESOURCE + " is missing");
      }
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
