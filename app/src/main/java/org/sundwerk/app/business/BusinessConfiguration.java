package org.sundwerk.app.business;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.business.db.BusinessDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The business features' database: the access database's pool (SQLite file or PostgreSQL), where
 * each feature migrates its own tables when its repository bean is created.
 */
@Configuration(proxyBeanMethods = false)
class BusinessConfiguration {

  static {
    // The controllers take and give Jackson 3 trees; springdoc introspects types with Jackson 2,
    // which fails on them (a WARN with a stack trace per document) and describes their getters.
    // In the document they are what they are on the wire: a JSON object or array.
    SpringDocUtils.getConfig()
        .replaceWithSchema(JsonNode.class, new ObjectSchema())
        .replaceWithSchema(ObjectNode.class, new ObjectSchema())
        .replaceWithSchema(ArrayNode.class, new ArraySchema().items(new ObjectSchema()));
  }

  @Bean
  BusinessDatabase businessDatabase(AccessDatabase access) {
    return BusinessDatabase.of(access.dataSource());
  }

  /** The title of the generated OpenAPI document at {@code /api/v1/openapi.json}. */
  @Bean
  OpenAPI businessApiDocument() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Sundwerk services and business API")
                .description(
                    "Partners, the service catalog, offers and orders of a tenant. Errors are"
                        + " RFC 9457 ProblemDetails; credentials as for the NGSI-LD API (X-API-Key,"
                        + " Authorization: Bearer).")
                .version("v1"));
  }
}
