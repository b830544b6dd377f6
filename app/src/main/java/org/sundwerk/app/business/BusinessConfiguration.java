package org.sundwerk.app.business;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.business.db.BusinessDatabase;

/**
 * The business features' database: the access database's pool (SQLite file or PostgreSQL), where
 * each feature migrates its own tables when its repository bean is created.
 */
@Configuration(proxyBeanMethods = false)
class BusinessConfiguration {

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
